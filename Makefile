# Slipway operator. `make help` lists the targets.
SHELL := /bin/bash
MVN := ./mvnw -B
JAVA ?= java
JAVA_TEST_OPTS := -Djava.util.logging.manager=org.jboss.logmanager.LogManager
# A JDK 25 (bin/java) for the Leyden AOT cache; empty where there is none, and then AppCDS on $(JAVA) is used.
JAVA25 ?= $(wildcard /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
TEST_MAIN = $(JAVA) $(JAVA_TEST_OPTS) -Dslipway.java25=$(JAVA25) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH))
KUBECTL ?= kubectl
TEST_CLASSPATH := target/test-classpath.txt
IMAGE ?= ghcr.io/slipway-dev/slipway-operator:0.1.0

.DEFAULT_GOAL := help
PREFIX ?= $(HOME)/.local
.PHONY: help build test demo bench bench-startup bench-restart aot run crds install uninstall deploy undeploy image cli install-cli uninstall-cli cli-sandbox

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

build: $(TEST_CLASSPATH) ## Compile, test and package the operator (target/quarkus-app/quarkus-run.jar) and train its start-up archives
	$(MVN) package
	$(TEST_MAIN) dev.slipway.bench.ArchiveTraining

test: ## Run all tests (unit, reconcile-loop against the in-process API server, CRD drift) and package
	$(MVN) verify

demo: $(TEST_CLASSPATH) ## Run the operator against an in-process API server with examples/ and print the history
	$(MVN) -q -DskipTests test-compile
	$(JAVA) $(JAVA_TEST_OPTS) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH)) dev.slipway.demo.Demo examples

bench: aot ## Benchmarks of the packaged operator (≈1 h here; writes docs/benchmarks.md); BENCH_QUICK=1 for a small check run
	$(TEST_MAIN) dev.slipway.bench.Benchmark

bench-startup: aot ## Start to ready only: JAVA + AppCDS beside JAVA25 + AOT cache (a few minutes; writes docs/benchmarks.md)
	$(TEST_MAIN) dev.slipway.bench.StartupBenchmark

bench-restart: aot ## Restart and memory at 1,200 Apps / 21,600 Releases, the fleet copied from one App (≈15 min; writes docs/benchmarks.md)
	$(TEST_MAIN) dev.slipway.bench.RestartBenchmark

aot: $(TEST_CLASSPATH) ## Package, then train the start-up archives: AppCDS on JAVA, the AOT cache on JAVA25 (a JDK 25) when set
	$(MVN) -q -DskipTests package
	$(TEST_MAIN) dev.slipway.bench.ArchiveTraining

run: aot ## Run the packaged operator against the cluster of the current kubeconfig (CRDs must be installed)
	cd target/quarkus-app && if [ -f app.aot ]; then exec $(JAVA25) -XX:InitialRAMPercentage=20 -XX:CompileThresholdScaling=4 -XX:TieredStopAtLevel=1 -XX:AOTCache=app.aot -jar quarkus-run.jar; \
	  else exec $(JAVA) -XX:InitialRAMPercentage=20 -XX:CompileThresholdScaling=4 -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar; fi

crds: $(TEST_CLASSPATH) ## Regenerate the CRDs from the Java model into crds/
	$(MVN) -q -DskipTests test-compile
	$(JAVA) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH)) dev.slipway.crd.CrdFiles crds

install: ## Install the CRDs into the current cluster
	$(KUBECTL) apply -k crds/

uninstall: ## Remove the CRDs (and with them every App, Release and their workloads)
	$(KUBECTL) delete -k crds/ --ignore-not-found

deploy: ## Install CRDs, RBAC and the operator (2 replicas, leader election); IMAGE=… picks the image
	$(KUBECTL) kustomize deploy/ | sed 's#ghcr.io/slipway-dev/slipway-operator:0.1.0#$(IMAGE)#' | $(KUBECTL) apply -f -

image: build ## Build the container image $(IMAGE) on JDK 25, training its AOT cache inside (needs a Docker engine; none on the dev machines)
	rm -rf target/training && mkdir -p target/training/lib
	cp -R target/classes target/test-classes crds deploy target/training/
	tr ':' '\n' < $(TEST_CLASSPATH) | xargs -I{} cp {} target/training/lib/
	docker build -f src/main/docker/Dockerfile.jvm -t $(IMAGE) .

undeploy: ## Remove the operator and its RBAC (CRDs and apps stay: see docs/operations.md)
	$(KUBECTL) delete -k deploy/base --ignore-not-found
	$(KUBECTL) delete -f deploy/cluster-wide/clusterrolebinding.yaml -f deploy/cluster-wide/clusterrole.yaml --ignore-not-found

cli: ## Build the kubectl plugin: target/kubectl-slipway (launcher) and target/kubectl-slipway-lib/
	$(MVN) -q -DskipTests package

install-cli: cli ## Install the kubectl plugin into $(PREFIX)/bin (default ~/.local/bin); then `kubectl slipway` works
	mkdir -p $(PREFIX)/bin $(PREFIX)/lib
	rm -rf $(PREFIX)/lib/kubectl-slipway-lib
	cp -R target/kubectl-slipway-lib $(PREFIX)/lib/kubectl-slipway-lib
	rm -f $(PREFIX)/lib/kubectl-slipway-lib/classes.jsa
	install -m 755 target/kubectl-slipway $(PREFIX)/lib/kubectl-slipway
	ln -sf ../lib/kubectl-slipway $(PREFIX)/bin/kubectl-slipway
	@echo "Installed $(PREFIX)/bin/kubectl-slipway; kubectl plugin list should show it (is $(PREFIX)/bin on PATH?)"

uninstall-cli: ## Remove the kubectl plugin from $(PREFIX)
	rm -rf $(PREFIX)/bin/kubectl-slipway $(PREFIX)/lib/kubectl-slipway $(PREFIX)/lib/kubectl-slipway-lib

cli-sandbox: $(TEST_CLASSPATH) ## Operator + in-process API server with an App, and a kubeconfig for trying kubectl slipway (runs until Ctrl-C or kill)
	$(MVN) -q -DskipTests test-compile </dev/null
	exec $(JAVA) $(JAVA_TEST_OPTS) -cp target/classes:target/test-classes:$$(cat $(TEST_CLASSPATH)) dev.slipway.demo.CliSandbox target/sandbox/kubeconfig

$(TEST_CLASSPATH): pom.xml
	$(MVN) -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(TEST_CLASSPATH)
