package dev.incidents.deploy;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ACLs a service's principal needs, made from {@link ServiceAccess} and nothing else: Read on each topic it
 * reads, Write on each it writes (both imply Describe), Read on its consumer groups, and for its Kafka Streams app
 * the group, the transactional ids and the internal topics (changelogs, repartitions) that carry its application id
 * as a prefix. No cluster-wide right and no wildcard: a broker with {@code allow.everyone.if.no.acl.found=false}
 * refuses it everything else.
 */
public final class KafkaAcls {

    private KafkaAcls() {
    }

    /** @param principal such as {@code User:incident-commands} */
    public static List<AclBinding> of(ServiceAccess access, String principal) {
        List<AclBinding> acls = new ArrayList<>();
        for (IncidentTopic<?> topic : sorted(access.reads())) {
            acls.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.READ));
        }
        for (IncidentTopic<?> topic : sorted(access.writes())) {
            acls.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.WRITE));
        }
        for (String group : access.groups().stream().sorted().toList()) {
            acls.add(allow(principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
        }
        String app = access.streamsApplicationId();
        acls.add(allow(principal, ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, app, PatternType.PREFIXED, AclOperation.WRITE));
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
                AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(principal, ResourceType.TOPIC, app + "-", PatternType.PREFIXED, operation));
        }
        return List.copyOf(acls);
    }

    /**
     * The service's row of the README's ACL table: principal, topics read, topics written, consumer groups, and the
     * prefix of its transactional ids and internal topics.
     */
    public static String readmeRow(ServiceAccess access) {
        return "| `" + principal(access) + "` | " + names(access.reads()) + " | " + names(access.writes()) + " | "
                + String.join(", ", Stream.concat(
                        Stream.of(access.streamsApplicationId()), access.groups().stream().sorted())
                .map(group -> "`" + group + "`").toList())
                + " | `" + access.streamsApplicationId() + "` (transactional ids), `" + access.streamsApplicationId()
                + "-` (internal topics: Create, Read, Write, DescribeConfigs) |";
    }

    private static String names(Set<IncidentTopic<?>> topics) {
        return String.join(", ", sorted(topics).stream().map(topic -> "`" + topic.topicName() + "`").toList());
    }

    /** The default principal of a service: {@code User:<service>}. */
    public static String principal(ServiceAccess access) {
        return "User:" + access.service();
    }

    private static List<IncidentTopic<?>> sorted(Set<IncidentTopic<?>> topics) {
        return topics.stream().sorted(Comparator.comparing(IncidentTopic::topicName)).toList();
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
