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

package io.github.llmcost.recording;

import java.util.Currency;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageSource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One model call, priced: what the {@link LlmCostRecorder} hands to every
 * {@link PricedCallListener}. It holds no prompt or completion text.
 *
 * @param operation the operation, as Spring AI names it: {@code chat}, {@code embedding}
 * or {@code image}
 * @param provider the provider, as Spring AI names it, for example {@code openai}
 * @param requestModel the model named in the request, if known
 * @param responseModel the model named in the response, if known
 * @param currency the currency of the cost
 * @param streaming whether the call streamed its response
 * @param attribution the attribution tags of the call
 * @param usage the tokens of the call, or {@code null} if none were reported
 * @param price the price the model resolved to, or {@code null} if it is unpriced or no
 * usage was reported
 * @param cost the cost of the call, or {@code null} if it is unpriced or no usage was
 * reported
 * @param usageSource whether the provider reported the usage or llm-cost estimated it
 * @param failed whether the call failed
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record PricedCall(String operation, String provider, @Nullable String requestModel,
		@Nullable String responseModel, Currency currency, boolean streaming, Attribution attribution,
		@Nullable TokenUsage usage, @Nullable ResolvedPrice price, @Nullable LlmCost cost, UsageSource usageSource,
		boolean failed) {

	/**
	 * Name under which a call without a model name counts.
	 */
	public static final String NO_MODEL = "none";

	/**
	 * Create a new {@link PricedCall}.
	 */
	public PricedCall {
		Assert.hasText(operation, "operation must not be empty");
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(currency, "currency must not be null");
		Assert.notNull(attribution, "attribution must not be null");
		Assert.notNull(usageSource, "usageSource must not be null");
	}

	/**
	 * Return the model the call counts under: the response model, else the request model,
	 * else {@value #NO_MODEL}.
	 * @return the model
	 */
	public String model() {
		if (this.responseModel != null) {
			return this.responseModel;
		}
		return (this.requestModel != null) ? this.requestModel : NO_MODEL;
	}

	/**
	 * Return whether the call reported usage or was priced, so that there is something to
	 * count.
	 * @return {@code true} if the call has usage or a cost
	 */
	public boolean isCounted() {
		return this.usage != null || this.cost != null;
	}

}
