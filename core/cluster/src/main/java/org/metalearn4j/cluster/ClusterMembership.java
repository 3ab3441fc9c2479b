package org.metalearn4j.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.UUID;
import java.util.function.Consumer;

/** Who is in the cluster, as this member's Hazelcast instance sees it. */
public final class ClusterMembership {
    private final HazelcastInstance hazelcast;
    private final String nodeId;

    ClusterMembership(HazelcastInstance hazelcast, String nodeId) {
        this.hazelcast = hazelcast;
        this.nodeId = nodeId;
    }

    /** This member's node id, the one Vert.x and its peers know it by. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Calls {@code left} with the node id of every member that leaves or is found dead from now on, until the
     * returned handle is run.
     */
    public Runnable onLeft(Consumer<String> left) {
        UUID registration = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                left.accept(event.getMember().getUuid().toString());
            }
        });
        return () -> {
            try {
                hazelcast.getCluster().removeMembershipListener(registration);
            } catch (HazelcastInstanceNotActiveException gone) {
                // this member has left the cluster already: nothing is listening any more
            }
        };
    }

    /** True while node {@code id} is a member. */
    public boolean isMember(String id) {
        return hazelcast.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(id));
    }
}
