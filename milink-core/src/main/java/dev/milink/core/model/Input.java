// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One end or part of a link as the checks see it: {@link Present} (read), {@link NotGiven} (the user did not name
 * it, so checks that need it are SKIPPED) or {@link Unreadable} (named but could not be read, so those checks are
 * UNKNOWN). Never a silent "empty": the reason is always there.
 *
 * @param <T> the facts type of that part
 * @since 0.2
 */
public sealed interface Input<T> permits Input.Present, Input.NotGiven, Input.Unreadable {

    /** The part was read. */
    record Present<T>(T value) implements Input<T> {
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The user did not give this part (e.g. no {@code --mi}); the reason says how to give it. */
    record NotGiven<T>(String reason) implements Input<T> {
        public NotGiven {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The part was given but could not be read (permission, unreachable, a bad file); the reason says which. */
    record Unreadable<T>(String reason) implements Input<T> {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Input<T> of(T value) {
        return new Present<>(value);
    }

    static <T> Input<T> notGiven(String reason) {
        return new NotGiven<>(reason);
    }

    static <T> Input<T> unreadable(String reason) {
        return new Unreadable<>(reason);
    }

    default boolean isPresent() {
        return this instanceof Present<T>;
    }

    default Optional<T> asOptional() {
        return this instanceof Present<T> p ? Optional.of(p.value()) : Optional.empty();
    }

    /** Why the part is missing; empty when present. */
    default String reason() {
        return switch (this) {
            case Present<T> p -> "";
            case NotGiven<T> n -> n.reason();
            case Unreadable<T> u -> u.reason();
        };
    }
}
