package dev.incidents.support.kafka;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTransactionsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the brokers what this service's principal may do and names what its {@link ServiceAccess} needs that it may
 * not: a missing ACL then shows in readiness as "READ on topic incident-events" instead of as clients retrying
 * forever (Quarkus waiting for a topic it cannot see, a consumer never joining its group). Brokers answer for
 * themselves ({@code includeAuthorizedOperations}), so the probe needs no right beyond the service's own.
 */
public final class AccessProbe {

    private final Admin admin;
    private final Duration timeout;

    public AccessProbe(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** What {@code access} needs and is not granted, e.g. {@code "WRITE on topic incident-events"}; empty if none. */
    public List<String> missing(ServiceAccess access) throws InterruptedException, TimeoutException {
        List<String> missing = new ArrayList<>();
        missing.addAll(missingOnTopics(access));
        missing.addAll(missingOnGroups(access));
        missing.addAll(missingOnTransactionalIds(access));
        return List.copyOf(missing);
    }

    private List<String> missingOnTopics(ServiceAccess access) throws InterruptedException, TimeoutException {
        Map<String, List<AclOperation>> needed = new TreeMap<>();
        access.reads().forEach(topic -> need(needed, topic, AclOperation.READ));
        access.writes().forEach(topic -> need(needed, topic, AclOperation.WRITE));
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(needed.keySet(),
                new DescribeTopicsOptions().includeAuthorizedOperations(true).timeoutMs(timeoutMs())).topicNameValues();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<AclOperation>> topic : needed.entrySet()) {
            try {
                Set<AclOperation> granted = await(described.get(topic.getKey())).authorizedOperations();
                // null: the cluster authorizes nothing (no authorizer), so everything is allowed
                topic.getValue().stream().filter(operation -> granted != null && !granted.contains(operation))
                        .forEach(operation -> missing.add(operation + " on topic " + topic.getKey()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    topic.getValue().forEach(operation -> missing.add(operation + " on topic " + topic.getKey()));
                } else if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    missing.add("topic " + topic.getKey() + " (it does not exist)");
                } else {
                    throw new IllegalStateException("Cannot describe topic " + topic.getKey(), e.getCause());
                }
            }
        }
        return missing;
    }

    private static void need(Map<String, List<AclOperation>> needed, IncidentTopic<?> topic, AclOperation operation) {
        needed.computeIfAbsent(topic.topicName(), name -> new ArrayList<>()).add(operation);
    }

    private List<String> missingOnGroups(ServiceAccess access) throws InterruptedException, TimeoutException {
        List<String> groups = new ArrayList<>(access.groups());
        groups.add(access.streamsApplicationId());
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(groups,
                new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true).timeoutMs(timeoutMs()))
                .describedGroups();
        List<String> missing = new ArrayList<>();
        for (String group : groups.stream().sorted().toList()) {
            try {
                Set<AclOperation> granted = await(described.get(group)).authorizedOperations();
                if (granted != null && !granted.contains(AclOperation.READ)) {
                    missing.add("READ on group " + group);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupAuthorizationException) {
                    missing.add("READ on group " + group);
                } else if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw new IllegalStateException("Cannot describe group " + group, e.getCause());
                }
            }
        }
        return missing;
    }

    /** Kafka Streams' exactly-once producers use transactional ids that start with its application id. */
    private List<String> missingOnTransactionalIds(ServiceAccess access)
            throws InterruptedException, TimeoutException {
        String probe = access.streamsApplicationId() + "-access-probe";
        try {
            await(admin.describeTransactions(List.of(probe),
                    new DescribeTransactionsOptions().timeoutMs(timeoutMs())).description(probe));
            return List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdAuthorizationException) {
                return List.of("WRITE on transactional ids starting with " + access.streamsApplicationId());
            }
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return List.of();
            }
            throw new IllegalStateException("Cannot describe transactional id " + probe, e.getCause());
        }
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int timeoutMs() {
        return Math.toIntExact(timeout.toMillis());
    }
}
