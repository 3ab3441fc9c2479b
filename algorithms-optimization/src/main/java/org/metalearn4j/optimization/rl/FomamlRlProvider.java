package org.metalearn4j.optimization.rl;

/** {@code fomaml-rl}: first-order MAML for reinforcement learning. */
public final class FomamlRlProvider extends MetaRlProvider {
    public FomamlRlProvider() {
        super("fomaml-rl", "first-order MAML-RL: policy-gradient adaptation, its gradients treated as constants",
                MetaRlConfig.Order.FIRST);
    }
}
