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

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.LlmCostMeters.AttributionKeyNames;
import io.github.llmcost.observation.LlmCostMeters.CostKeyNames;
import io.github.llmcost.observation.LlmCostMeters.TokenKeyNames;
import io.github.llmcost.observation.LlmCostObservationDocumentation.LowCardinalityKeyNames;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link ObservationHandler} that records the tokens and the cost of each stopped
 * {@code llm.call} observation as the {@code llm.tokens}, {@code llm.cost} and
 * {@code llm.call.cost} meters. Amounts stay {@link BigDecimal} until they reach a meter.
 * A failure here is logged and never reaches the caller.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 * @see LlmCostMeters
 */
public class LlmCostMeterObservationHandler implements ObservationHandler<LlmCostObservationContext> {

	private static final Log logger = LogFactory.getLog(LlmCostMeterObservationHandler.class);

	private static final String PRICED = LowCardinalityKeyNames.PRICED.asString();

	private static final String RESPONSE_MODEL = LowCardinalityKeyNames.RESPONSE_MODEL.asString();

	private static final String TOKEN_TYPE = TokenKeyNames.TOKEN_TYPE.asString();

	private static final String COST_TYPE = CostKeyNames.COST_TYPE.asString();

	private static final String CURRENCY = CostKeyNames.CURRENCY.asString();

	private final MeterRegistry registry;

	private final MeterProvider<Counter> tokens;

	private final MeterProvider<Counter> capped;

	private final Map<String, CurrencyMeters> currencyMeters = new ConcurrentHashMap<>();

	/**
	 * Create a handler that records into the given registry.
	 * @param registry the meter registry
	 */
	public LlmCostMeterObservationHandler(MeterRegistry registry) {
		this.registry = registry;
		this.tokens = Counter.builder(LlmCostMeters.TOKENS.getName())
			.description("Tokens of LLM calls, by type")
			.baseUnit(LlmCostMeters.TOKENS.getBaseUnit())
			.withRegistry(registry);
		this.capped = Counter.builder(LlmCostMeters.ATTRIBUTION_CAPPED.getName())
			.description("LLM calls whose metric tag value was recorded as 'other' because the tag"
					+ " reached its cap of distinct values")
			.withRegistry(registry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LlmCostObservationContext;
	}

	@Override
	public void onStop(LlmCostObservationContext context) {
		try {
			record(context);
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to record the meters of an LLM call", ex);
		}
	}

	private void record(LlmCostObservationContext context) {
		for (String tag : context.getAttribution().cappedTags()) {
			this.capped.withTags(AttributionKeyNames.TAG.asString(), tag).increment();
		}
		TokenUsage usage = context.getUsage();
		LlmCost cost = context.getCost();
		if (usage == null && cost == null) {
			return;
		}
		Tags tags = Tags.empty();
		Tags callTags = Tags.empty();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			if (!PRICED.equals(keyValue.getKey())) {
				tags = tags.and(keyValue.getKey(), keyValue.getValue());
				if (!RESPONSE_MODEL.equals(keyValue.getKey())) {
					callTags = callTags.and(keyValue.getKey(), keyValue.getValue());
				}
			}
		}
		if (usage != null) {
			this.tokens.withTags(tags.and(TOKEN_TYPE, "input")).increment(usage.input());
			this.tokens.withTags(tags.and(TOKEN_TYPE, "cached_input")).increment(usage.cachedInput());
			this.tokens.withTags(tags.and(TOKEN_TYPE, "cache_write")).increment(usage.cacheWrite());
			this.tokens.withTags(tags.and(TOKEN_TYPE, "output")).increment(usage.output());
			this.tokens.withTags(tags.and(TOKEN_TYPE, "reasoning")).increment(usage.reasoning());
		}
		if (cost == null) {
			return;
		}
		String currency = cost.currency().getCurrencyCode();
		CurrencyMeters meters = this.currencyMeters.computeIfAbsent(currency, this::currencyMeters);
		Tags costTags = tags.and(CURRENCY, currency);
		increment(meters.cost, costTags, "input", cost.input());
		increment(meters.cost, costTags, "cached_input", cost.cachedInput());
		increment(meters.cost, costTags, "cache_write", cost.cacheWrite());
		increment(meters.cost, costTags, "output", cost.output());
		increment(meters.cost, costTags, "reasoning", cost.reasoning());
		increment(meters.cost, costTags, "request", cost.request());
		meters.callCost.withTags(callTags.and(CURRENCY, currency)).record(cost.total().doubleValue());
	}

	private void increment(MeterProvider<Counter> counter, Tags tags, String type, BigDecimal amount) {
		counter.withTags(tags.and(COST_TYPE, type)).increment(amount.doubleValue());
	}

	private CurrencyMeters currencyMeters(String currency) {
		MeterProvider<Counter> cost = Counter.builder(LlmCostMeters.COST.getName())
			.description("Cost of LLM calls, by type")
			.baseUnit(currency)
			.withRegistry(this.registry);
		MeterProvider<DistributionSummary> callCost = DistributionSummary.builder(LlmCostMeters.CALL_COST.getName())
			.description("Total cost of each LLM call")
			.baseUnit(currency)
			.withRegistry(this.registry);
		return new CurrencyMeters(cost, callCost);
	}

	private record CurrencyMeters(MeterProvider<Counter> cost, MeterProvider<DistributionSummary> callCost) {
	}

}
