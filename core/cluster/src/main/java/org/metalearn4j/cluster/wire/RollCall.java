package org.metalearn4j.cluster.wire;

/**
 * Asks every member for its {@link MemberInfo}.
 *
 * @param replyTo where to send it
 */
public record RollCall(String replyTo) {
}
