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

package io.github.llmcost.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Prices of one model in the configured currency. Token prices are per single token, so
 * the cost of a bucket is its token count times its price; use {@link #builder()} to
 * state prices per million (or any number of) tokens.
 *
 * @param input price of one uncached input token
 * @param cachedInput price of one input token read from the prompt cache
 * @param cacheWrite price of one input token written to the prompt cache
 * @param output price of one output token that is not a reasoning token
 * @param reasoning price of one reasoning token
 * @param perRequest flat fee per model call
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record ModelPrice(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
		BigDecimal reasoning, BigDecimal perRequest) {

	/**
	 * Create a new {@link ModelPrice}, checking that no price is negative.
	 */
	public ModelPrice {
		requireNonNegative(input, "input");
		requireNonNegative(cachedInput, "cachedInput");
		requireNonNegative(cacheWrite, "cacheWrite");
		requireNonNegative(output, "output");
		requireNonNegative(reasoning, "reasoning");
		requireNonNegative(perRequest, "perRequest");
	}

	private static void requireNonNegative(BigDecimal price, String name) {
		Assert.notNull(price, () -> name + " price must not be null");
		Assert.isTrue(price.signum() >= 0, () -> name + " price must not be negative, was " + price);
	}

	/**
	 * Start a price whose token prices are stated per million tokens.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of a {@link ModelPrice} whose token prices are stated per a number of
	 * tokens. Unset prices take the documented defaults: cached input and cache writes
	 * cost as much as input, reasoning as much as output, and there is no per-request
	 * fee.
	 */
	public static final class Builder {

		private BigDecimal perTokens = BigDecimal.valueOf(1_000_000);

		private @Nullable BigDecimal input;

		private @Nullable BigDecimal cachedInput;

		private @Nullable BigDecimal cacheWrite;

		private @Nullable BigDecimal output;

		private @Nullable BigDecimal reasoning;

		private BigDecimal perRequest = BigDecimal.ZERO;

		private Builder() {
		}

		/**
		 * Set how many tokens the token prices given to this builder are for.
		 * @param perTokens the number of tokens, for example 1000000 or 1000
		 * @return this builder
		 */
		public Builder perTokens(long perTokens) {
			Assert.isTrue(perTokens > 0, () -> "perTokens must be positive, was " + perTokens);
			this.perTokens = BigDecimal.valueOf(perTokens);
			return this;
		}

		/**
		 * Set the price of uncached input tokens.
		 * @param input the price per {@code perTokens} tokens
		 * @return this builder
		 */
		public Builder input(BigDecimal input) {
			this.input = input;
			return this;
		}

		/**
		 * Set the price of input tokens read from the prompt cache.
		 * @param cachedInput the price per {@code perTokens} tokens, or {@code null} for
		 * the input price
		 * @return this builder
		 */
		public Builder cachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
			return this;
		}

		/**
		 * Set the price of input tokens written to the prompt cache.
		 * @param cacheWrite the price per {@code perTokens} tokens, or {@code null} for
		 * the input price
		 * @return this builder
		 */
		public Builder cacheWrite(@Nullable BigDecimal cacheWrite) {
			this.cacheWrite = cacheWrite;
			return this;
		}

		/**
		 * Set the price of output tokens.
		 * @param output the price per {@code perTokens} tokens
		 * @return this builder
		 */
		public Builder output(BigDecimal output) {
			this.output = output;
			return this;
		}

		/**
		 * Set the price of reasoning tokens.
		 * @param reasoning the price per {@code perTokens} tokens, or {@code null} for
		 * the output price
		 * @return this builder
		 */
		public Builder reasoning(@Nullable BigDecimal reasoning) {
			this.reasoning = reasoning;
			return this;
		}

		/**
		 * Set the flat fee per call.
		 * @param perRequest the fee per call, or {@code null} for none
		 * @return this builder
		 */
		public Builder perRequest(@Nullable BigDecimal perRequest) {
			this.perRequest = (perRequest != null) ? perRequest : BigDecimal.ZERO;
			return this;
		}

		/**
		 * Build the price.
		 * @return the price, per single token
		 */
		public ModelPrice build() {
			Assert.state(this.input != null, "Input price must be set");
			Assert.state(this.output != null, "Output price must be set");
			BigDecimal input = perToken(this.input);
			BigDecimal output = perToken(this.output);
			return new ModelPrice(input, (this.cachedInput != null) ? perToken(this.cachedInput) : input,
					(this.cacheWrite != null) ? perToken(this.cacheWrite) : input, output,
					(this.reasoning != null) ? perToken(this.reasoning) : output, this.perRequest);
		}

		private BigDecimal perToken(BigDecimal price) {
			// exact whenever perTokens is a power of ten, as it is for per-million and
			// per-1K prices
			return price.divide(this.perTokens, MathContext.DECIMAL128);
		}

	}

}
