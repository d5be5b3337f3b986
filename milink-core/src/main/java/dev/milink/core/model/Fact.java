// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value read from the outside world, or the reason it could not be read (permission, version, unreachable).
 * Checks turn an {@link Unknown} into an UNKNOWN finding, never into PASS.
 *
 * @param <T> the value type
 * @since 0.1
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

    /** A value that was read. */
    record Known<T>(T value) implements Fact<T> {
        public Known {
            Objects.requireNonNull(value, "a Known fact needs a value; use Fact.unknown(reason)");
        }
    }

    /** A value that could not be read, and why (one sentence, no secrets). */
    record Unknown<T>(String reason) implements Fact<T> {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Fact<T> of(T value) {
        return new Known<>(value);
    }

    static <T> Fact<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    /** {@code of(value)} when non-null, else {@code unknown(reasonIfNull)}. */
    static <T> Fact<T> ofNullable(T value, String reasonIfNull) {
        return value == null ? unknown(reasonIfNull) : of(value);
    }

    default boolean isKnown() {
        return this instanceof Known<T>;
    }

    default Optional<T> asOptional() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    default T orElse(T fallback) {
        return this instanceof Known<T> k ? k.value() : fallback;
    }

    /** The reason for an unknown value; empty for a known one. */
    default String reason() {
        return this instanceof Unknown<T> u ? u.reason() : "";
    }

    default <R> Fact<R> map(Function<? super T, ? extends R> f) {
        return switch (this) {
            case Known<T> k -> Fact.ofNullable(f.apply(k.value()), "value not available");
            case Unknown<T> u -> Fact.unknown(u.reason());
        };
    }
}
