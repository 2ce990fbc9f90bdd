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

package io.github.llmcost.observation;

import java.util.Currency;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.cost.CostSource;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of one {@code llm.call} observation: one round trip to a model, with its
 * normalized usage and its cost once the response has arrived. It holds no prompt or
 * completion text.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostObservationContext extends Observation.Context {

	private final String operation;

	private final String provider;

	private final @Nullable String requestModel;

	private final Currency currency;

	private final boolean streaming;

	private final Attribution attribution;

	private @Nullable String responseModel;

	private @Nullable TokenUsage usage;

	private @Nullable ResolvedPrice price;

	private @Nullable LlmCost cost;

	private UsageSource usageSource = UsageSource.REPORTED;

	LlmCostObservationContext(Builder builder) {
		Assert.state(builder.operation != null, "operation must be set");
		Assert.state(builder.provider != null, "provider must be set");
		Assert.state(builder.currency != null, "currency must be set");
		this.operation = builder.operation;
		this.provider = builder.provider;
		this.requestModel = builder.requestModel;
		this.currency = builder.currency;
		this.streaming = builder.streaming;
		this.attribution = builder.attribution;
	}

	/**
	 * Start building a context.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the operation, as Spring AI names it: {@code chat}, {@code embedding} or
	 * {@code image}.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the provider, as Spring AI names it, for example {@code openai}.
	 * @return the provider
	 */
	public String getProvider() {
		return this.provider;
	}

	/**
	 * Return the model named in the request.
	 * @return the request model, if known
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Return the currency of the cost.
	 * @return the currency
	 */
	public Currency getCurrency() {
		return this.currency;
	}

	/**
	 * Return whether the call streams its response.
	 * @return {@code true} for a streamed call
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Return the attribution tags of the call.
	 * @return the attribution
	 */
	public Attribution getAttribution() {
		return this.attribution;
	}

	/**
	 * Return the model named in the response.
	 * @return the response model, if known
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	/**
	 * Set the model named in the response.
	 * @param responseModel the response model
	 */
	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	/**
	 * Return the tokens of the call.
	 * @return the usage, or {@code null} if none was reported
	 */
	public @Nullable TokenUsage getUsage() {
		return this.usage;
	}

	/**
	 * Set the tokens of the call.
	 * @param usage the usage
	 */
	public void setUsage(@Nullable TokenUsage usage) {
		this.usage = usage;
	}

	/**
	 * Return whether the provider reported the usage or llm-cost estimated it.
	 * @return the source of the usage
	 */
	public UsageSource getUsageSource() {
		return this.usageSource;
	}

	/**
	 * Set whether the provider reported the usage or llm-cost estimated it.
	 * @param usageSource the source of the usage
	 */
	public void setUsageSource(UsageSource usageSource) {
		this.usageSource = usageSource;
	}

	/**
	 * Return the price that the call's model resolved to.
	 * @return the price, or {@code null} if the model is unpriced
	 */
	public @Nullable ResolvedPrice getPrice() {
		return this.price;
	}

	/**
	 * Return the cost of the call.
	 * @return the cost, or {@code null} if the model is unpriced or no usage was reported
	 */
	public @Nullable LlmCost getCost() {
		return this.cost;
	}

	/**
	 * Set the price and the cost of the call.
	 * @param price the resolved price
	 * @param cost the cost
	 */
	public void setCost(@Nullable ResolvedPrice price, @Nullable LlmCost cost) {
		this.price = price;
		this.cost = cost;
	}

	/**
	 * Return the call as priced so far, for the
	 * {@link io.github.llmcost.recording.LlmCostRecorder}.
	 * @param failed whether the call failed
	 * @return the priced call
	 */
	public PricedCall toPricedCall(boolean failed) {
		return new PricedCall(this.operation, this.provider, this.requestModel, this.responseModel, this.currency,
				this.streaming, this.attribution, this.usage, this.price, this.cost, this.usageSource, failed);
	}

	/**
	 * Return where the cost comes from.
	 * @return the cost source
	 */
	public CostSource getCostSource() {
		if (this.cost == null) {
			return CostSource.UNPRICED;
		}
		return (this.usageSource == UsageSource.ESTIMATED) ? CostSource.ESTIMATED : CostSource.LOCAL;
	}

	/**
	 * Builder of a {@link LlmCostObservationContext}.
	 */
	public static final class Builder {

		private @Nullable String operation;

		private @Nullable String provider;

		private @Nullable String requestModel;

		private @Nullable Currency currency;

		private boolean streaming;

		private Attribution attribution = Attribution.NONE;

		private Builder() {
		}

		/**
		 * Set the operation.
		 * @param operation the operation, for example {@code chat}
		 * @return this builder
		 */
		public Builder operation(String operation) {
			this.operation = operation;
			return this;
		}

		/**
		 * Set the provider.
		 * @param provider the provider, for example {@code openai}
		 * @return this builder
		 */
		public Builder provider(String provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * Set the model named in the request.
		 * @param requestModel the request model
		 * @return this builder
		 */
		public Builder requestModel(@Nullable String requestModel) {
			this.requestModel = requestModel;
			return this;
		}

		/**
		 * Set the currency of the cost.
		 * @param currency the currency
		 * @return this builder
		 */
		public Builder currency(Currency currency) {
			this.currency = currency;
			return this;
		}

		/**
		 * Set whether the call streams its response.
		 * @param streaming whether the call streams
		 * @return this builder
		 */
		public Builder streaming(boolean streaming) {
			this.streaming = streaming;
			return this;
		}

		/**
		 * Set the attribution tags of the call.
		 * @param attribution the attribution
		 * @return this builder
		 */
		public Builder attribution(Attribution attribution) {
			this.attribution = attribution;
			return this;
		}

		/**
		 * Build the context.
		 * @return the context
		 */
		public LlmCostObservationContext build() {
			return new LlmCostObservationContext(this);
		}

	}

}
