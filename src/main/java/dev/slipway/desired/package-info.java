/**
 * The objects an App runs as for a release: its Deployments and Services, their names, labels and container env,
 * as pure functions of App and Release. The operator applies them ({@code workload}) and kubectl-slipway prints
 * them ({@code releases manifest}), so the plugin shows what the operator writes. A package of its own because
 * neither neighbour fits: {@code workload} reads and writes through the API server and JOSDK's informers, which
 * the plugin does not ship; {@code rollout} reads a Deployment's observed status, not the spec wanted of it.
 */
package dev.slipway.desired;
