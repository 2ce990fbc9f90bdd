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

package io.github.llmcost.cost;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.llmcost.pricing.LlmUnpricedModelEvent;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.TokenUsage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Prices model calls: resolves the model's price (or the zero price of a free provider),
 * computes the cost, and reports once per model a model that has no price, in the log and
 * as an {@link LlmUnpricedModelEvent}, so that no model is ever silently priced at zero.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class CallPricer {

	private static final Log logger = LogFactory.getLog(CallPricer.class);

	private static final int MAX_REPORTED_MODELS = 1000;

	private final ModelPriceResolver priceResolver;

	private final LlmCostCalculator calculator;

	private final Set<String> freeProviders;

	private final @Nullable ApplicationEventPublisher eventPublisher;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private CallPricer(Builder builder) {
		this.priceResolver = builder.priceResolver;
		this.calculator = new LlmCostCalculator(builder.currency);
		this.freeProviders = Set.copyOf(builder.freeProviders);
		this.eventPublisher = builder.eventPublisher;
	}

	/**
	 * Start building a pricer.
	 * @param priceResolver the resolver of model prices
	 * @return a new builder
	 */
	public static Builder builder(ModelPriceResolver priceResolver) {
		return new Builder(priceResolver);
	}

	/**
	 * Return the resolver of model prices.
	 * @return the resolver
	 */
	public ModelPriceResolver getPriceResolver() {
		return this.priceResolver;
	}

	/**
	 * Return the calculator of costs.
	 * @return the calculator
	 */
	public LlmCostCalculator getCalculator() {
		return this.calculator;
	}

	/**
	 * Return the currency of every cost.
	 * @return the currency
	 */
	public Currency getCurrency() {
		return this.calculator.getCurrency();
	}

	/**
	 * Price the tokens of a call.
	 * @param usage the tokens
	 * @param responseModel the model named in the response, if any
	 * @param requestModel the model named in the request, if any
	 * @param provider the provider of the call
	 * @return the price and cost, or {@code null} if the model has no price (reported
	 * once)
	 */
	public @Nullable Charge priceTokens(TokenUsage usage, @Nullable String responseModel, @Nullable String requestModel,
			String provider) {
		ResolvedPrice price = resolve(responseModel, requestModel, provider);
		if (price == null) {
			reportUnpriced(responseModel, requestModel, provider);
			return null;
		}
		return new Charge(price, this.calculator.calculate(usage, price.price()));
	}

	/**
	 * Price the images of an image generation call: the per-image price of the first name
	 * that resolves, times the number of images, plus the per-request fee, as the
	 * {@code request} cost.
	 * @param images the number of images generated
	 * @param names the names to try, most specific first, such as
	 * {@code hd/1024-x-1024/dall-e-3} then {@code dall-e-3}
	 * @param model the model of the call, to report if unpriced
	 * @param provider the provider of the call
	 * @return the price and cost, or {@code null} if no name has a price (reported once)
	 */
	public @Nullable Charge priceImages(int images, List<String> names, @Nullable String model, String provider) {
		ResolvedPrice price = resolveImagePrice(names, provider);
		if (price == null) {
			reportUnpriced(model, model, provider);
			return null;
		}
		return new Charge(price, this.calculator.calculateImages(images, price.price()));
	}

	/**
	 * Resolve the price of the images of an image generation call: the price of the first
	 * name that resolves to a price with a per-image or per-request component (a price of
	 * tokens alone does not price images), falling back to the zero price of a free
	 * provider.
	 * @param names the names to try, most specific first
	 * @param provider the provider of the call
	 * @return the price, or {@code null} if no name has a price of images
	 */
	public @Nullable ResolvedPrice resolveImagePrice(List<String> names, String provider) {
		ResolvedPrice price = this.priceResolver.resolveFirst(names, ModelPrice::pricesImages);
		return freeUnlessConfigured(price, provider);
	}

	/**
	 * Resolve the price of a call, falling back to the zero price of a free provider.
	 * @param responseModel the model named in the response, if any
	 * @param requestModel the model named in the request, if any
	 * @param provider the provider of the call
	 * @return the price, or {@code null} if the model has no price
	 */
	public @Nullable ResolvedPrice resolve(@Nullable String responseModel, @Nullable String requestModel,
			String provider) {
		return freeUnlessConfigured(this.priceResolver.resolve(responseModel, requestModel), provider);
	}

	/**
	 * Return the zero price of a free provider unless the application priced the model
	 * itself: the bundled catalog's list prices are those of hosted APIs, not of a model
	 * the application runs, such as {@code deepseek-r1} on Ollama.
	 * @param price the price resolved, if any
	 * @param provider the provider of the call
	 * @return the price to apply, if any
	 */
	private @Nullable ResolvedPrice freeUnlessConfigured(@Nullable ResolvedPrice price, String provider) {
		if (this.freeProviders.contains(provider)
				&& (price == null || ResolvedPrice.SOURCE_BUILTIN.equals(price.source()))) {
			return ResolvedPrice.free(provider);
		}
		return price;
	}

	/**
	 * Report once per model a call that reported no token usage.
	 * @param responseModel the model named in the response, if any
	 * @param requestModel the model named in the request, if any
	 * @param provider the provider of the call
	 */
	public void reportNoUsage(@Nullable String responseModel, @Nullable String requestModel, String provider) {
		String model = (responseModel != null) ? responseModel : requestModel;
		if (isFirstReport(model + " without usage")) {
			logger.warn("Model '%s' (request model '%s', provider '%s') reported no token usage, so its calls are"
				.formatted(model, requestModel, provider) + " not priced");
		}
	}

	private void reportUnpriced(@Nullable String responseModel, @Nullable String requestModel, String provider) {
		String model = (responseModel != null) ? responseModel : ((requestModel != null) ? requestModel : "none");
		if (!isFirstReport(model + " unpriced")) {
			return;
		}
		logger.warn(("Model '%s' (request model '%s', provider '%s') has no price: its calls are recorded with"
				+ " llm.priced=false and no cost. Price it with llm-cost.pricing.models.[%s].input and .output,"
				+ " or as an alias of an existing entry")
			.formatted(model, requestModel, provider, model));
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(new LlmUnpricedModelEvent(this, model, requestModel, provider));
		}
	}

	private boolean isFirstReport(String key) {
		return this.reported.size() < MAX_REPORTED_MODELS && this.reported.add(key);
	}

	/**
	 * What a call is charged: the price it resolved to and its cost.
	 *
	 * @param price the resolved price
	 * @param cost the cost
	 */
	public record Charge(ResolvedPrice price, LlmCost cost) {

	}

	/**
	 * Builder of a {@link CallPricer}.
	 */
	public static final class Builder {

		private final ModelPriceResolver priceResolver;

		private Currency currency = Currency.getInstance("USD");

		private Collection<String> freeProviders = Set.of();

		private @Nullable ApplicationEventPublisher eventPublisher;

		private Builder(ModelPriceResolver priceResolver) {
			Assert.notNull(priceResolver, "priceResolver must not be null");
			this.priceResolver = priceResolver;
		}

		/**
		 * Set the currency of the prices.
		 * @param currency the currency, USD by default
		 * @return this builder
		 */
		public Builder currency(Currency currency) {
			Assert.notNull(currency, "currency must not be null");
			this.currency = currency;
			return this;
		}

		/**
		 * Set the providers whose models cost nothing unless priced.
		 * @param freeProviders the provider names, as Spring AI names them
		 * @return this builder
		 */
		public Builder freeProviders(Collection<String> freeProviders) {
			this.freeProviders = freeProviders;
			return this;
		}

		/**
		 * Set the publisher of {@link LlmUnpricedModelEvent}s.
		 * @param eventPublisher the publisher, or {@code null} to publish none
		 * @return this builder
		 */
		public Builder eventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
			this.eventPublisher = eventPublisher;
			return this;
		}

		/**
		 * Build the pricer.
		 * @return the pricer
		 */
		public CallPricer build() {
			return new CallPricer(this);
		}

	}

}
