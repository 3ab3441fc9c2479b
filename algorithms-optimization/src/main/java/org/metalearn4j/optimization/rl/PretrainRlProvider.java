package org.metalearn4j.optimization.rl;

/**
 * {@code pretrain-rl}: the baseline of Finn et al., one policy trained by policy gradient on all tasks without
 * adaptation, then adapted to each evaluation task like {@code maml-rl}.
 */
public final class PretrainRlProvider extends MetaRlProvider {
    public PretrainRlProvider() {
        super("pretrain-rl", "policy pretrained on all tasks by policy gradient, adapted at evaluation like maml-rl",
                MetaRlConfig.Order.NONE);
    }
}
