package org.metalearn4j.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast member configuration of a {@link ClusterConfig}: Vert.x's defaults (its subscription maps), the
 * cluster name, one interface and address, no multicast or cloud auto-detection, and TCP join with the configured
 * members (this machine's ports when none are given). Failure detection is tightened so that a worker that dies
 * without leaving is noticed within seconds.
 */
final class HazelcastSettings {
    private HazelcastSettings() {
    }

    /**
     * @param lite a lite member holds no cluster data (for short-lived members such as {@code cluster status})
     */
    static Config of(ClusterConfig cluster, boolean lite) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(cluster.name());
        hz.setLiteMember(lite);
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.socket.bind.any", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        hz.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(cluster.portCount()));
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(cluster.port()).setPortCount(cluster.portCount()).setPortAutoIncrement(cluster.portCount() > 1);
        net.getInterfaces().setEnabled(true).addInterface(interfaceOf(cluster.host()));
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        join.getTcpIpConfig().addMember(cluster.host());
        cluster.members().forEach(m -> join.getTcpIpConfig().addMember(m));
        return hz;
    }

    /** Hazelcast matches interfaces by IP address; a host name is resolved to the one it names. */
    private static String interfaceOf(String host) {
        if (host.equals("localhost")) {
            return "127.0.0.1";
        }
        try {
            return java.net.InetAddress.getByName(host).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new ClusterException("cluster.host: cannot resolve " + host + ": " + e.getMessage(), e);
        }
    }
}
