/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.usage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.billing.BillingDimension.Side;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Tokens of one model call (or of several, summed) in the disjoint
 * {@link BillingDimension token dimensions}, each priced on its own: prompt tokens are
 * the sum of the prompt dimensions ({@code input}, {@code cached_input},
 * {@code cache_write}, {@code cache_write_1h}), completion tokens the sum of the
 * completion dimensions ({@code output}, {@code reasoning}). Immutable.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class TokenUsage {

	private static final BillingDimension[] DIMENSIONS = BillingDimension.values();

	/**
	 * Usage of a call that reported no tokens.
	 */
	public static final TokenUsage EMPTY = new TokenUsage(new long[DIMENSIONS.length]);

	// indexed by BillingDimension.ordinal(), as an EnumMap is, without boxing
	private final long[] tokens;

	private TokenUsage(long[] tokens) {
		this.tokens = tokens;
	}

	/**
	 * Start building a usage.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the tokens of a dimension.
	 * @param dimension the dimension
	 * @return the tokens, zero for a dimension that is not a token dimension
	 */
	public long get(BillingDimension dimension) {
		return this.tokens[dimension.ordinal()];
	}

	/**
	 * Return all prompt tokens: uncached, cache reads and cache writes.
	 * @return the prompt tokens
	 */
	public long promptTokens() {
		return sum(Side.PROMPT);
	}

	/**
	 * Return all completion tokens: output and reasoning.
	 * @return the completion tokens
	 */
	public long completionTokens() {
		return sum(Side.COMPLETION);
	}

	private long sum(Side side) {
		long sum = 0;
		for (int i = 0; i < this.tokens.length; i++) {
			if (DIMENSIONS[i].side() == side) {
				sum += this.tokens[i];
			}
		}
		return sum;
	}

	/**
	 * Return the prompt and completion tokens together.
	 * @return the total tokens
	 */
	public long totalTokens() {
		long sum = 0;
		for (long count : this.tokens) {
			sum += count;
		}
		return sum;
	}

	/**
	 * Return whether no token was reported.
	 * @return {@code true} if every dimension is zero
	 */
	public boolean isEmpty() {
		return totalTokens() == 0;
	}

	/**
	 * Return the larger count of each dimension, for merging usage that a stream reports
	 * cumulatively in several chunks.
	 * @param other the other usage
	 * @return the per-dimension maximum
	 */
	public TokenUsage max(TokenUsage other) {
		long[] max = new long[DIMENSIONS.length];
		for (int i = 0; i < max.length; i++) {
			max[i] = Math.max(this.tokens[i], other.tokens[i]);
		}
		return new TokenUsage(max);
	}

	/**
	 * Return the sum of this usage and another, for example of the rounds of a
	 * tool-calling conversation.
	 * @param other the other usage
	 * @return the per-dimension sum
	 */
	public TokenUsage plus(TokenUsage other) {
		long[] sum = new long[DIMENSIONS.length];
		for (int i = 0; i < sum.length; i++) {
			sum[i] = Math.addExact(this.tokens[i], other.tokens[i]);
		}
		return new TokenUsage(sum);
	}

	/**
	 * Return the tokens by dimension, every token dimension included.
	 * @return a new map of the tokens, in dimension order
	 */
	public Map<BillingDimension, Long> asMap() {
		Map<BillingDimension, Long> map = new EnumMap<>(BillingDimension.class);
		for (BillingDimension dimension : BillingDimension.tokens()) {
			map.put(dimension, get(dimension));
		}
		return map;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof TokenUsage usage && Arrays.equals(this.tokens, usage.tokens));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.tokens);
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "TokenUsage[", "]");
		for (BillingDimension dimension : BillingDimension.tokens()) {
			joiner.add(dimension.id() + "=" + get(dimension));
		}
		return joiner.toString();
	}

	/**
	 * Builder of a {@link TokenUsage}.
	 */
	public static final class Builder {

		private long @Nullable [] tokens = new long[DIMENSIONS.length];

		private Builder() {
		}

		/**
		 * Set the tokens of a dimension.
		 * @param dimension a token dimension
		 * @param tokens the tokens, not negative
		 * @return this builder
		 */
		public Builder tokens(BillingDimension dimension, long tokens) {
			Assert.isTrue(dimension.isToken(), () -> dimension + " is not a token dimension");
			Assert.isTrue(tokens >= 0, () -> "Tokens of " + dimension.id() + " must not be negative, was " + tokens);
			tokens()[dimension.ordinal()] = tokens;
			return this;
		}

		/**
		 * Build the usage. A builder builds one usage.
		 * @return the usage
		 */
		public TokenUsage build() {
			long[] tokens = tokens();
			// handed over, not copied: usage is counted on every call
			this.tokens = null;
			return new TokenUsage(tokens);
		}

		private long[] tokens() {
			Assert.state(this.tokens != null, "A TokenUsage.Builder builds one usage");
			return this.tokens;
		}

	}

}
