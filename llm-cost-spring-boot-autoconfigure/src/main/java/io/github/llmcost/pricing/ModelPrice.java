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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.llmcost.billing.BillingDimension;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Prices of one model in the configured currency, one per {@link BillingDimension}: token
 * prices are per single token, so the cost of a dimension is its token count times its
 * price, and a per-call price is the fee of each call. Use {@link #builder()} to state
 * prices per million (or any number of) tokens.
 * <p>
 * A price may have {@link PriceTier tiers}: higher prices that apply to a whole call when
 * its prompt tokens exceed a threshold, as Anthropic and Google bill long contexts.
 *
 * @param prices the price of one unit of every dimension
 * @param perImage price of one generated image, for image models
 * @param tiers prices for calls whose prompt exceeds a number of tokens, in ascending
 * order of their thresholds
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record ModelPrice(Map<BillingDimension, BigDecimal> prices, BigDecimal perImage, List<PriceTier> tiers) {

	/**
	 * A price of zero for everything.
	 */
	public static final ModelPrice FREE = builder().input(BigDecimal.ZERO).output(BigDecimal.ZERO).build();

	/**
	 * Create a new {@link ModelPrice}, checking that every dimension has a price, that no
	 * price is negative and that no two tiers share a threshold.
	 */
	public ModelPrice {
		Assert.notNull(prices, "prices must not be null");
		Map<BillingDimension, BigDecimal> copy = new EnumMap<>(BillingDimension.class);
		for (BillingDimension dimension : BillingDimension.values()) {
			BigDecimal price = prices.get(dimension);
			Assert.notNull(price, () -> dimension.id() + " price must not be null");
			Assert.isTrue(price.signum() >= 0, () -> dimension.id() + " price must not be negative, was " + price);
			copy.put(dimension, price);
		}
		prices = Collections.unmodifiableMap(copy);
		Assert.notNull(perImage, "perImage price must not be null");
		Assert.isTrue(perImage.signum() >= 0, () -> "perImage price must not be negative, was " + perImage);
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
	 * Return the price of one unit of a dimension: one token, or one call.
	 * @param dimension the dimension
	 * @return the price
	 */
	public BigDecimal get(BillingDimension dimension) {
		// the constructor puts a price for every dimension
		return Objects.requireNonNull(this.prices.get(dimension));
	}

	/**
	 * Return whether this price can price an image generation call: it has a per-image
	 * price or a per-request fee (a price of tokens alone does not price images).
	 * @return {@code true} if a per-image price or a per-request fee is set
	 */
	public boolean pricesImages() {
		return this.perImage.signum() > 0 || get(BillingDimension.REQUEST).signum() > 0;
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
	 * tokens. Input and output must be priced; a dimension left unset has the price of
	 * its {@link BillingDimension#fallback() fallback} (cached input and cache writes
	 * cost as much as input, reasoning as much as output), or none. A dimension left
	 * unset in a tier has the price set on the base price, or else the tier's price of
	 * its fallback, or else the base price.
	 */
	public static final class Builder {

		private BigDecimal perTokens = BigDecimal.valueOf(1_000_000);

		private final TokenPrices base = new TokenPrices();

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
		 * Set the price of a dimension.
		 * @param dimension the dimension
		 * @param price the price per {@code perTokens} tokens of a token dimension, or
		 * per call, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder price(BillingDimension dimension, @Nullable BigDecimal price) {
			this.base.price(dimension, price);
			return this;
		}

		/**
		 * Set the price of uncached input tokens.
		 * @param input the price per {@code perTokens} tokens
		 * @return this builder
		 */
		public Builder input(BigDecimal input) {
			return price(BillingDimension.INPUT, input);
		}

		/**
		 * Set the price of output tokens.
		 * @param output the price per {@code perTokens} tokens
		 * @return this builder
		 */
		public Builder output(BigDecimal output) {
			return price(BillingDimension.OUTPUT, output);
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
		 * @throws IllegalStateException if input or output is not priced
		 */
		public ModelPrice build() {
			Map<BillingDimension, BigDecimal> prices = new EnumMap<>(BillingDimension.class);
			for (BillingDimension dimension : BillingDimension.values()) {
				BigDecimal price = this.base.get(dimension);
				BillingDimension fallback = dimension.fallback();
				if (price != null) {
					prices.put(dimension, perUnit(dimension, price));
				}
				else if (fallback != null) {
					prices.put(dimension, prices.get(fallback));
				}
				else {
					Assert.state(!dimension.isRequired(), () -> capitalize(dimension.id()) + " price must be set");
					prices.put(dimension, BigDecimal.ZERO);
				}
			}
			List<PriceTier> priceTiers = new ArrayList<>();
			for (TierPrices tier : this.tiers) {
				Map<BillingDimension, BigDecimal> tierPrices = new EnumMap<>(BillingDimension.class);
				for (BillingDimension dimension : BillingDimension.values()) {
					BigDecimal price = tier.prices.get(dimension);
					BillingDimension fallback = dimension.fallback();
					if (price == null && fallback != null) {
						price = this.base.get(dimension);
					}
					if (price != null) {
						tierPrices.put(dimension, perUnit(dimension, price));
					}
					else {
						tierPrices.put(dimension,
								(fallback != null) ? tierPrices.get(fallback) : prices.get(dimension));
					}
				}
				priceTiers
					.add(new PriceTier(tier.aboveInputTokens, new ModelPrice(tierPrices, this.perImage, List.of())));
			}
			return new ModelPrice(prices, this.perImage, priceTiers);
		}

		private static String capitalize(String id) {
			return Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('_', ' ');
		}

		private BigDecimal perUnit(BillingDimension dimension, BigDecimal price) {
			// exact whenever perTokens is a power of ten, as it is for per-million and
			// per-1K prices
			return dimension.isToken() ? price.divide(this.perTokens, MathContext.DECIMAL128) : price;
		}

	}

	/**
	 * Prices of a price or a tier, per the builder's number of tokens or per call; any of
	 * them may be left unset.
	 */
	public static final class TokenPrices {

		private final Map<BillingDimension, BigDecimal> prices = new EnumMap<>(BillingDimension.class);

		TokenPrices() {
		}

		/**
		 * Set the price of a dimension.
		 * @param dimension the dimension
		 * @param price the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices price(BillingDimension dimension, @Nullable BigDecimal price) {
			if (price != null) {
				this.prices.put(dimension, price);
			}
			else {
				this.prices.remove(dimension);
			}
			return this;
		}

		/**
		 * Set the price of uncached input tokens.
		 * @param input the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices input(@Nullable BigDecimal input) {
			return price(BillingDimension.INPUT, input);
		}

		/**
		 * Set the price of output tokens.
		 * @param output the price, or {@code null} to leave it unset
		 * @return these prices
		 */
		public TokenPrices output(@Nullable BigDecimal output) {
			return price(BillingDimension.OUTPUT, output);
		}

		@Nullable BigDecimal get(BillingDimension dimension) {
			return this.prices.get(dimension);
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
