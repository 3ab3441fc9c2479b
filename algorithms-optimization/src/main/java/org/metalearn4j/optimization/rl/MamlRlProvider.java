package org.metalearn4j.optimization.rl;

/** {@code maml-rl}: MAML for reinforcement learning, second order through policy-gradient adaptation (DiCE). */
public final class MamlRlProvider extends MetaRlProvider {
    public MamlRlProvider() {
        super("maml-rl", "MAML-RL (Finn et al. 2017): Gaussian policy meta-learned through policy-gradient"
                + " adaptation, second-order DiCE meta-gradient", MetaRlConfig.Order.SECOND);
    }
}
