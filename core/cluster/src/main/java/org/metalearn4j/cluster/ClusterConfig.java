package org.metalearn4j.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The {@code cluster:} section of a run configuration, and what {@code metalearn worker --cluster-config} reads: which
 * cluster a process joins, on which address and ports, with which certificate, and how the coordinator deals with
 * workers that are slow, gone or absent. By default everything stays on 127.0.0.1; members on other machines need
 * {@link TlsConfig TLS}.
 */
public record ClusterConfig(
        @JsonPropertyDescription("cluster name: a process joins only members of the same name") String name,
        @JsonPropertyDescription("address this process binds to and announces; 127.0.0.1 keeps the cluster on this"
                + " machine, any other address needs tls") String host,
        @JsonPropertyDescription("first port tried for cluster membership (Hazelcast)") int port,
        @JsonPropertyDescription("ports tried from port on, for this process and when looking for members; 1: exactly"
                + " port, an error if it is in use") int portCount,
        @JsonPropertyDescription("event-bus port, over which tasks, parameters and results travel; 0: any free port")
        int eventBusPort,
        @JsonPropertyDescription("members on other machines, as host or host:port (port defaults to port); empty:"
                + " this machine only. Needs tls") List<String> members,
        @JsonPropertyDescription("TLS for the event bus, with one key and certificate shared by every member")
        TlsConfig tls,
        @JsonPropertyDescription("workers the coordinator waits for before the first meta-batch") int workers,
        @JsonPropertyDescription("seconds the coordinator waits for them; it then starts with those that joined")
        double joinTimeoutSeconds,
        @JsonPropertyDescription("seconds a worker may take to prepare a run (create the learner, open the data set)")
        double setupTimeoutSeconds,
        @JsonPropertyDescription("seconds a task may take on a worker; a worker that does not answer in time is dropped"
                + " from the run and its tasks go to the others") double taskTimeoutSeconds,
        @JsonPropertyDescription("when no worker is left: local computes the tasks in the coordinator, stop ends the"
                + " run with a checkpoint (continue it with --resume once workers are back)") NoWorkers whenNoWorkers,
        @JsonPropertyDescription("weighted: each worker gets a share of a meta-batch by its measured speed (a GPU"
                + " worker gets more); shared: tasks go to one address and the event bus hands them out in turn")
        Assignment assignment) {

    /** What the coordinator does when no worker is left. */
    public enum NoWorkers {
        @JsonProperty("local") LOCAL,
        @JsonProperty("stop") STOP
    }

    /** How the tasks of a meta-batch are given out. */
    public enum Assignment {
        @JsonProperty("weighted") WEIGHTED,
        @JsonProperty("shared") SHARED
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    public ClusterConfig {
        Checks.notBlank("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: expected letters, digits, '.', '_' or '-', got \"" + name + "\"");
        }
        checkHost("host", host);
        Checks.between("port", port, 1, 65535);
        Checks.between("portCount", portCount, 1, 100);
        if (port + portCount - 1 > 65535) {
            throw new IllegalArgumentException("portCount: port " + port + " + " + portCount + " ports pass 65535");
        }
        Checks.between("eventBusPort", eventBusPort, 0, 65535);
        members = List.copyOf(Checks.present("members", members));
        for (int i = 0; i < members.size(); i++) {
            checkMember("members[" + i + "]", members.get(i));
        }
        Checks.present("tls", tls);
        Checks.atLeast("workers", workers, 0);
        Checks.positive("joinTimeoutSeconds", joinTimeoutSeconds);
        Checks.positive("setupTimeoutSeconds", setupTimeoutSeconds);
        Checks.positive("taskTimeoutSeconds", taskTimeoutSeconds);
        Checks.oneOf("whenNoWorkers", whenNoWorkers, NoWorkers.class);
        Checks.oneOf("assignment", assignment, Assignment.class);
        if (!tls.enabled() && !loopback(host)) {
            throw new IllegalArgumentException("tls: host " + host + " opens the cluster beyond this machine, which"
                    + " needs the event bus over TLS: set tls.keyStore (see README, \"Train on several machines\")");
        }
        if (!tls.enabled() && members.stream().anyMatch(m -> !loopback(hostOf(m)))) {
            throw new IllegalArgumentException("tls: members on other machines " + members + " need the event bus"
                    + " over TLS: set tls.keyStore (see README, \"Train on several machines\")");
        }
    }

    /** Everything on 127.0.0.1, no TLS, one worker awaited for two minutes, tasks re-sent after a minute. */
    public static ClusterConfig defaults() {
        return new ClusterConfig("metalearn4j", "127.0.0.1", 5701, 20, 0, List.of(), TlsConfig.none(), 1, 120, 300,
                60, NoWorkers.LOCAL, Assignment.WEIGHTED);
    }

    /**
     * Binds a {@code cluster:} section over {@link #defaults()}.
     *
     * @param section the section as written; null or empty for the defaults
     * @param source  the file it came from, for messages
     * @throws org.metalearn4j.core.spi.ConfigException naming {@code cluster.KEY}, the value and what is allowed
     */
    public static ClusterConfig bind(JsonNode section, String source) {
        return bind(section, defaults(), source);
    }

    /** Binds a {@code cluster:} section over {@code base}: the keys it leaves out keep {@code base}'s values. */
    public static ClusterConfig bind(JsonNode section, ClusterConfig base, String source) {
        JsonNode tree = section == null || section.isNull() ? ConfigMappers.json().createObjectNode() : section;
        return ConfigBinder.bind(tree, base, ClusterConfig.class, "cluster", source);
    }

    /**
     * Reads the cluster settings of a YAML or JSON file: its {@code cluster:} section when it has one (a run
     * configuration), else the whole document.
     *
     * @throws org.metalearn4j.core.spi.ConfigException naming the file and the key when it cannot be used
     */
    public static ClusterConfig load(Path file) {
        ObjectNode doc = ConfigLoader.read(file);
        JsonNode section = doc.has("cluster") ? doc.get("cluster") : doc;
        if (section.isNull()) {
            return bind(null, file.toString());
        }
        if (!section.isObject()) {
            throw new org.metalearn4j.core.spi.ConfigException("cluster", "expected a mapping of keys to values in "
                    + file + ", got " + section);
        }
        return bind(section, file.toString());
    }

    /** This configuration as a {@code cluster:} section with every key. */
    public ObjectNode toTree() {
        return ConfigBinder.toTree(this);
    }

    /** A copy that joins cluster {@code clusterName} and awaits {@code count} workers. */
    public ClusterConfig withNameAndWorkers(String clusterName, int count) {
        return new ClusterConfig(clusterName, host, port, portCount, eventBusPort, members, tls, count,
                joinTimeoutSeconds, setupTimeoutSeconds, taskTimeoutSeconds, whenNoWorkers, assignment);
    }

    /** A copy with other TLS settings. */
    public ClusterConfig withTls(TlsConfig other) {
        return new ClusterConfig(name, host, port, portCount, eventBusPort, members, other, workers,
                joinTimeoutSeconds, setupTimeoutSeconds, taskTimeoutSeconds, whenNoWorkers, assignment);
    }

    /** True for 127.x.x.x, {@code localhost} and {@code ::1}. */
    static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** The host part of a member address. */
    static String hostOf(String member) {
        int colon = member.lastIndexOf(':');
        return colon < 0 ? member : member.substring(0, colon);
    }

    private static void checkHost(String field, String host) {
        Checks.notBlank(field, host);
        if (!HOST.matcher(host).matches() && !host.equals("::1")) {
            throw new IllegalArgumentException(field + ": expected an IPv4 address or a host name, got \"" + host
                    + "\"");
        }
    }

    private static void checkMember(String field, String member) {
        Objects.requireNonNull(member, field);
        int colon = member.lastIndexOf(':');
        String host = colon < 0 ? member : member.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException(field + ": expected host or host:port, got \"" + member + "\"");
        }
        if (colon >= 0) {
            String port = member.substring(colon + 1);
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException(field + ": expected a port from 1 to 65535 after the ':', got \""
                        + member + "\"");
            }
        }
    }
}
