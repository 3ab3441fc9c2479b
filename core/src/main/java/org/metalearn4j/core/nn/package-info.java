/**
 * Functional network modules: a {@link org.metalearn4j.core.nn.Module} holds no weights, it declares
 * {@link org.metalearn4j.core.nn.ParameterSpec}s and receives {@link org.metalearn4j.core.nn.Params} on every call, so
 * the same module runs with "fast weights" without being mutated (what learn2learn's clone_module/update_module and
 * torchmeta's MetaModule provide).
 *
 * <p><b>Naming scheme.</b> Parameter names are dot-separated paths, as in PyTorch's {@code state_dict}: the child's
 * name in its container, then the parameter name. {@code Sequential.of(...)} names children "0", "1", ...;
 * {@code Mlp.of(1, 40, 40, 1)} gives {@code 0.weight, 0.bias, 2.weight, 2.bias, 4.weight, 4.bias};
 * {@link org.metalearn4j.core.nn.Conv4} gives {@code 0.conv.weight, 0.conv.bias, 0.bn.weight, 0.bn.bias, ...,
 * 3.bn.bias}. Batch-norm running statistics live in the {@link org.metalearn4j.core.nn.ForwardContext}'s
 * {@link org.metalearn4j.core.nn.RunningStats}, saved as {@code <path>.running_mean / running_var}.
 *
 * <p>A second-order MAML inner step:
 * <pre>{@code
 * Module net = new Conv4(1);                    // + a Linear head in a Sequential
 * Params theta = net.init(seed);                // leaf variables
 * ForwardContext ctx = ForwardContext.training(seed);
 * Tensor supportLoss = Losses.crossEntropy(net.forward(theta, xs, ctx), ys);
 * Params fast = UpdateRule.sgd(innerLr).step(theta, theta.grad(supportLoss, true), supportLoss, Params.empty())
 *         .params();                                                  // differentiable fast weights
 * Tensor queryLoss = Losses.crossEntropy(net.forward(fast, xq, ctx), yq);
 * Params metaGrad = theta.grad(queryLoss, false);                     // exact meta-gradient
 * optimizer.step(theta, metaGrad);
 * }</pre>
 * Parameters save and load through {@link org.metalearn4j.core.state.StateDict}: {@code params.toStateDict()},
 * {@code params.load(stateDict)}.
 */
package org.metalearn4j.core.nn;
