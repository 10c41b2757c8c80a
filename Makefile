# Slipway operator. `make help` lists the targets.
SHELL := /bin/bash
MVN := ./mvnw -B
JAVA ?= java
JAVA_TEST_OPTS := -Djava.util.logging.manager=org.jboss.logmanager.LogManager
KUBECTL ?= kubectl
TEST_CLASSPATH := target/test-classpath.txt
IMAGE ?= ghcr.io/slipway-dev/slipway-operator:0.1.0

.DEFAULT_GOAL := help
.PHONY: help build test demo run crds install uninstall deploy undeploy image

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

build: ## Compile, test and package the operator (target/quarkus-app/quarkus-run.jar)
	$(MVN) package

test: ## Run all tests (unit, reconcile-loop against the in-process API server, CRD drift) and package
	$(MVN) verify

demo: $(TEST_CLASSPATH) ## Run the operator against an in-process API server with examples/ and print the history
	$(MVN) -q -DskipTests test-compile
	$(JAVA) $(JAVA_TEST_OPTS) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH)) dev.slipway.demo.Demo examples

run: ## Run the packaged operator against the cluster of the current kubeconfig (CRDs must be installed)
	$(MVN) -q -DskipTests package
	$(JAVA) -jar target/quarkus-app/quarkus-run.jar

crds: $(TEST_CLASSPATH) ## Regenerate the CRDs from the Java model into crds/
	$(MVN) -q -DskipTests test-compile
	$(JAVA) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH)) dev.slipway.crd.CrdFiles crds

install: ## Install the CRDs into the current cluster
	$(KUBECTL) apply -k crds/

uninstall: ## Remove the CRDs (and with them every App, Release and their workloads)
	$(KUBECTL) delete -k crds/ --ignore-not-found

deploy: ## Install CRDs, RBAC and the operator (2 replicas, leader election); IMAGE=… picks the image
	$(KUBECTL) kustomize deploy/ | sed 's#ghcr.io/slipway-dev/slipway-operator:0.1.0#$(IMAGE)#' | $(KUBECTL) apply -f -

image: build ## Build the container image $(IMAGE) (needs a Docker engine; none on the dev machines)
	docker build -f src/main/docker/Dockerfile.jvm -t $(IMAGE) .

undeploy: ## Remove the operator and its RBAC (CRDs and apps stay: see docs/operations.md)
	$(KUBECTL) delete -k deploy/base --ignore-not-found
	$(KUBECTL) delete -f deploy/cluster-wide/clusterrolebinding.yaml -f deploy/cluster-wide/clusterrole.yaml --ignore-not-found

$(TEST_CLASSPATH): pom.xml
	$(MVN) -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TEST_CLASSPATH)
