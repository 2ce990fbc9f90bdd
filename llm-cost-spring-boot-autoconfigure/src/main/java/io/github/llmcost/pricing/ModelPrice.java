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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Prices of one model in the configured currency. Token prices are per single token, so
 * the cost of a bucket is its token count times its price; use {@link #builder()} to
 * state prices per million (or any number of) tokens.
 * <p>
 * A price may have {@link PriceTier tiers}: higher prices that apply to a whole call when
 * its prompt tokens exceed a threshold, as Anthropic and Google bill long contexts.
 *
 * @param input price of one uncached input token
 * @param cachedInput price of one input token read from the prompt cache
 * @param cacheWrite price of one input token written to the prompt cache (for five
 * minutes, where the provider distinguishes)
 * @param cacheWrite1h price of one input token written to the prompt cache for one hour
 * @param output price of one output token that is not a reasoning token
 * @param reasoning price of one reasoning token
 * @param perRequest flat fee per model call
 * @param perImage price of one generated image, for image models
 * @param tiers prices for calls whose prompt exceeds a number of tokens, in ascending
 * order of their thresholds
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record ModelPrice(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal cacheWrite1h,
		BigDecimal output, BigDecimal reasoning, BigDecimal perRequest, BigDecimal perImage, List<PriceTier> tiers) {

	/**
	 * A price of zero for everything.
	 */
	public static final ModelPrice FREE = new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	/**
	 * Create a new {@link ModelPrice}, checking that no price is negative and that no two
	 * tiers share a threshold.
	 */
	public ModelPrice {
		requireNonNegative(input, "input");
		requireNonNegative(cachedInput, "cachedInput");
		requireNonNegative(cacheWrite, "cacheWrite");
		requireNonNegative(cacheWrite1h, "cacheWrite1h");
		requireNonNegative(output, "output");
		requireNonNegative(reasoning, "reasoning");
		requireNonNegative(perRequest, "perRequest");
		requireNonNegative(perImage, "perImage");
		Assert.notNull(tiers, "tiers must not be null");
		List<PriceTier> sorted = new ArrayList<>(tiers);
		sorted.sort(Comparator.comparingLong(PriceTier::aboveInputTokens));
		for (int i = 1; i < sorted.size(); i++) {
			long threshold = sorted.get(i).aboveInputTokens();
			Assert.isTrue(threshold != sorted.get(i - 1).aboveInputTokens(),
					() -> "Two tiers have the same threshold of " + threshold + " input tokens");
		}
		tiers = List.copyOf(sorted);
	}

	/**
	 * Create a new {@link ModelPrice} whose one-hour cache writes cost as much as other
	 * cache writes.
	 * @param input price of one uncached input token
	 * @param cachedInput price of one input token read from the prompt cache
	 * @param cacheWrite price of one input token written to the prompt cache
	 * @param output price of one output token that is not a reasoning token
	 * @param reasoning price of one reasoning token
	 * @param perRequest flat fee per model call
	 * @param tiers prices for calls whose prompt exceeds a number of tokens
	 */
	public ModelPrice(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
			BigDecimal reasoning, BigDecimal perRequest, List<PriceTier> tiers) {
		this(input, cachedInput, cacheWrite, cacheWrite, output, reasoning, perRequest, BigDecimal.ZERO, tiers);
	}

	/**
	 * Create a new {@link ModelPrice} without tiers.
	 * @param input price of one uncached input token
	 * @param cachedInput price of one input token read from the prompt cache
	 * @param cacheWrite price of one input token written to the prompt cache
	 * @param output price of one output token that is not a reasoning token
	 * @param reasoning price of one reasoning token
	 * @param perRequest flat fee per model call
	 */
	public ModelPrice(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
			BigDecimal reasoning, BigDecimal perRequest) {
		this(input, cachedInput, cacheWrite, output, reasoning, perRequest, List.of());
	}

	private static void requireNonNegative(BigDecimal price, String name) {
		Assert.notNull(price, () -> name + " price must not be null");
		Assert.isTrue(price.signum() >= 0, () -> name + " price must not be negative, was " + price);
	}

	/**
	 * Return the tier that applies to a call with the given prompt tokens: the one with
	 * the highest threshold below them.
	 * @param inputTokens all prompt tokens of the call, cached or not
	 * @return the tier, or {@code null} if the base price applies
	 */
	public @Nullable PriceTier tierFor(long inputTokens) {
		PriceTier applicable = null;
		for (PriceTier tier : this.tiers) {
			if (inputTokens > tier.aboveInputTokens()) {
				applicable = tier;
			}
		}
		return applicable;
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
	 * fee. Unset prices of a tier are those set on the base price, or else the tier's own
	 * input or output price.
	 */
	public static final class Builder {

		private BigDecimal perTokens = BigDecimal.valueOf(1_000_000);

		private final TokenPrices base = new TokenPrices();

		private BigDecimal perRequest = BigDecimal.ZERO;

		private BigDecimal perImage = BigDecimal.ZERO;

		private final List<TierPrices> tiers = new ArrayList<>();

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
			this.base.input(input);
			return this;
		}

		/**
		 * Set the price of input tokens read from the prompt cache.
		 * @param cachedInput the price per {@code perTokens} tokens, or {@code null} for
		 * the input price
		 * @return this builder
		 */
		public Builder cachedInput(@Nullable BigDecimal cachedInput) {
			this.base.cachedInput(cachedInput);
			return this;
		}

		/**
		 * Set the price of input tokens written to the prompt cache.
		 * @param cacheWrite the price per {@code perTokens} tokens, or {@code null} for
		 * the input price
		 * @return this builder
		 */
		public Builder cacheWrite(@Nullable BigDecimal cacheWrite) {
			this.base.cacheWrite(cacheWrite);
			return this;
		}

		/**
		 * Set the price of input tokens written to the prompt cache for one hour.
		 * @param cacheWrite1h the price per {@code perTokens} tokens, or {@code null} for
		 * the cache-write price
		 * @return this builder
		 */
		public Builder cacheWrite1h(@Nullable BigDecimal cacheWrite1h) {
			this.base.cacheWrite1h(cacheWrite1h);
			return this;
		}

		/**
		 * Set the price of output tokens.
		 * @param output the price per {@code perTokens} tokens
		 * @return this builder
		 */
		public Builder output(BigDecimal output) {
			this.base.output(output);
			return this;
		}

		/**
		 * Set the price of reasoning tokens.
		 * @param reasoning the price per {@code perTokens} tokens, or {@code null} for
		 * the output price
		 * @return this builder
		 */
		public Builder reasoning(@Nullable BigDecimal reasoning) {
			this.base.reasoning(reasoning);
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
		 * Set the price of one generated image, for image models.
		 * @param perImage the price per image, or {@code null} for none
		 * @return this builder
		 */
		public Builder perImage(@Nullable BigDecimal perImage) {
			this.perImage = (perImage != null) ? perImage : BigDecimal.ZERO;
			return this;
		}

		/**
		 * Add a tier whose prices apply to calls with more prompt tokens than the
		 * threshold.
		 * @param aboveInputTokens the threshold in prompt tokens
		 * @param prices sets the prices of the tier; unset prices are the base prices
		 * @return this builder
		 */
		public Builder tier(long aboveInputTokens, Consumer<TokenPrices> prices) {
			TierPrices tier = new TierPrices(aboveInputTokens);
			prices.accept(tier.prices);
			this.tiers.add(tier);
			return this;
		}

		/**
		 * Build the price.
		 * @return the price, per single token
		 */
		public ModelPrice build() {
			Assert.state(this.base.input != null, "Input price must be set");
			Assert.state(this.base.output != null, "Output price must be set");
			BigDecimal input = perToken(this.base.input);
			BigDecimal output = perToken(this.base.output);
			BigDecimal cachedInput = perTokenOr(this.base.cachedInput, input);
			BigDecimal cacheWrite = perTokenOr(this.base.cacheWrite, input);
			BigDecimal cacheWrite1h = perTokenOr(this.base.cacheWrite1h, cacheWrite);
			BigDecimal reasoning = perTokenOr(this.base.reasoning, output);
			List<PriceTier> priceTiers = new ArrayList<>();
			for (TierPrices tier : this.tiers) {
				TokenPrices prices = tier.prices;
				BigDecimal tierInput = perTokenOr(prices.input, input);
				BigDecimal tierOutput = perTokenOr(prices.output, output);
				// a price set on neither the tier nor the base defaults to the tier's own
				// input or output
				BigDecimal tierCacheWrite = perTokenOr(first(prices.cacheWrite, this.base.cacheWrite), tierInput);
				priceTiers.add(new PriceTier(tier.aboveInputTokens,
						new ModelPrice(tierInput,
								perTokenOr(first(prices.cachedInput, this.base.cachedInput), tierInput), tierCacheWrite,
								perTokenOr(first(prices.cacheWrite1h, this.base.cacheWrite1h), tierCacheWrite),
								tierOutput, perTokenOr(first(prices.reasoning, this.base.reasoning), tierOutput),
								this.perRequest, this.perImage, List.of())));
			}
			return new ModelPrice(input, cachedInput, cacheWrite, cacheWrite1h, output, reasoning, this.perRequest,
					this.perImage, priceTiers);
		}

		private static @Nullable BigDecimal first(@Nullable BigDecimal price, @Nullable BigDecimal fallback) {
			return (price != null) ? price : fallback;
		}

		private BigDecimal perTokenOr(@Nullable BigDecimal price, BigDecimal fallback) {
			return (price != null) ? perToken(price) : fallback;
		}

		private BigDecimal perToken(BigDecimal price) {
			// exact whenever perTokens is a power of ten, as it is for per-million and
			// per-1K prices
			return price.divide(this.perTokens, MathContext.DECIMAL128);
		}

	}

	/**
	 * Token prices of a price or a tier, per the builder's number of tokens; any of them
	 * may be left unset.
	 */
	public static final class TokenPrices {

		private @Nullable BigDecimal input;

		private @Nullable BigDecimal cachedInput;

		private @Nullable BigDecimal cacheWrite;

		private @Nullable BigDecimal cacheWrite1h;

		private @Nullable BigDecimal output;

		private @Nullable BigDecimal reasoning;

		TokenPrices() {
		}

		/**
		 * Set the price of uncached input tokens.
		 * @param input the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices input(@Nullable BigDecimal input) {
			this.input = input;
			return this;
		}

		/**
		 * Set the price of input tokens read from the prompt cache.
		 * @param cachedInput the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices cachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
			return this;
		}

		/**
		 * Set the price of input tokens written to the prompt cache.
		 * @param cacheWrite the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices cacheWrite(@Nullable BigDecimal cacheWrite) {
			this.cacheWrite = cacheWrite;
			return this;
		}

		/**
		 * Set the price of input tokens written to the prompt cache for one hour.
		 * @param cacheWrite1h the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices cacheWrite1h(@Nullable BigDecimal cacheWrite1h) {
			this.cacheWrite1h = cacheWrite1h;
			return this;
		}

		/**
		 * Set the price of output tokens.
		 * @param output the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices output(@Nullable BigDecimal output) {
			this.output = output;
			return this;
		}

		/**
		 * Set the price of reasoning tokens.
		 * @param reasoning the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices reasoning(@Nullable BigDecimal reasoning) {
			this.reasoning = reasoning;
			return this;
		}

	}

	private static final class TierPrices {

		private final long aboveInputTokens;

		private final TokenPrices prices = new TokenPrices();

		TierPrices(long aboveInputTokens) {
			this.aboveInputTokens = aboveInputTokens;
		}

	}

}
