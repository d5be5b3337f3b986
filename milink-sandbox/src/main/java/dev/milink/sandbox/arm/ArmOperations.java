// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long-running operations, counted rather than timed: an operation answers {@code InProgress} to its first
 * {@code inProgressPolls} polls and then its final status, so tests need no sleeps. The write itself is applied
 * when it is accepted (unless an {@link ArmFault#asyncFailure async fault} dooms it, in which case nothing
 * changes and the operation ends {@code Failed}).
 */
final class ArmOperations {
    /** One accepted write. {@code result} is the body a POST action's Location answers when done, else null. */
    static final class Operation {
        final String id;
        final String namespace;
        final String apiVersion;
        final int inProgressPolls;
        final ArmFault failure;
        final ObjectNode result;
        final String startTime;
        final AtomicInteger polls = new AtomicInteger();

        Operation(String id, String namespace, String apiVersion, int inProgressPolls, ArmFault failure,
                ObjectNode result, String startTime) {
            this.id = id;
            this.namespace = namespace;
            this.apiVersion = apiVersion;
            this.inProgressPolls = inProgressPolls;
            this.failure = failure;
            this.result = result;
            this.startTime = startTime;
        }

        /** Counts a poll and says whether the operation is still running at it. */
        boolean pollStillRunning() {
            return polls.incrementAndGet() <= inProgressPolls;
        }
    }

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    Operation start(String namespace, String apiVersion, int inProgressPolls, ArmFault failure, ObjectNode result,
            String startTime) {
        String id = UUID.nameUUIDFromBytes(("op-" + System.identityHashCode(this) + "-" + sequence.incrementAndGet())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Operation op = new Operation(id, namespace, apiVersion, inProgressPolls, failure, result, startTime);
        operations.put(id, op);
        return op;
    }

    Operation get(String id) { return operations.get(id); }
}
