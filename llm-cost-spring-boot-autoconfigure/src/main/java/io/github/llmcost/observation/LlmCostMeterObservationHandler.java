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

import io.github.llmcost.cost.BigDecimalAdder;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.LlmCostMeters.AttributionKeyNames;
import io.github.llmcost.observation.LlmCostMeters.CostKeyNames;
import io.github.llmcost.observation.LlmCostMeters.TokenKeyNames;
import io.github.llmcost.observation.LlmCostObservationDocumentation.LowCardinalityKeyNames;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
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
 * {@code llm.call.cost} meters. A failure here is logged and never reaches the caller.
 * <p>
 * Amounts stay {@link BigDecimal} until they are read: each {@code llm.cost} series is a
 * {@link FunctionCounter} over an exact {@link BigDecimalAdder}, so its value is the
 * exact sum of the costs recorded, rounded once to a {@code double}, however many calls
 * it counts. The meters of a set of tags are looked up once and kept, so recording a call
 * allocates little and takes no lock that all threads share.
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

	private final Map<KeyValues, SeriesMeters> series = new ConcurrentHashMap<>();

	private final Map<Meter.Id, BigDecimalAdder> costAdders = new ConcurrentHashMap<>();

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
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		SeriesMeters meters = this.series.get(keyValues);
		if (meters == null) {
			meters = this.series.computeIfAbsent(keyValues, SeriesMeters::new);
		}
		if (usage != null) {
			meters.input.increment(usage.input());
			meters.cachedInput.increment(usage.cachedInput());
			meters.cacheWrite.increment(usage.cacheWrite());
			meters.output.increment(usage.output());
			meters.reasoning.increment(usage.reasoning());
		}
		if (cost == null) {
			return;
		}
		String currency = cost.currency().getCurrencyCode();
		CostMeters costMeters = meters.cost.get(currency);
		if (costMeters == null) {
			SeriesMeters series = meters;
			costMeters = meters.cost.computeIfAbsent(currency,
					(key) -> new CostMeters(series.tags, series.callTags, key));
		}
		costMeters.input.add(cost.input());
		costMeters.cachedInput.add(cost.cachedInput());
		costMeters.cacheWrite.add(cost.cacheWrite());
		costMeters.output.add(cost.output());
		costMeters.reasoning.add(cost.reasoning());
		costMeters.request.add(cost.request());
		costMeters.callCost.record(cost.total().doubleValue());
	}

	/**
	 * Return the adder behind the {@code llm.cost} series of the given tags, registering
	 * the series if it is new. Series registration is rare and synchronized, so that the
	 * adder registered first for a meter (after the registry's meter filters, which may
	 * map several sets of tags to one meter) is the one every call of that meter adds to.
	 * @param tags the tags of the series
	 * @param currency the currency, the meter's base unit
	 * @return the adder
	 */
	private synchronized BigDecimalAdder costAdder(Tags tags, String currency) {
		BigDecimalAdder adder = new BigDecimalAdder();
		FunctionCounter counter = FunctionCounter
			.builder(LlmCostMeters.COST.getName(), adder, (sum) -> sum.sum().doubleValue())
			.description("Cost of LLM calls, by type")
			.baseUnit(currency)
			.tags(tags)
			.register(this.registry);
		BigDecimalAdder registered = this.costAdders.putIfAbsent(counter.getId(), adder);
		return (registered != null) ? registered : adder;
	}

	/**
	 * The meters of one set of observation key values.
	 */
	private final class SeriesMeters {

		private final Tags tags;

		private final Tags callTags;

		private final Counter input;

		private final Counter cachedInput;

		private final Counter cacheWrite;

		private final Counter output;

		private final Counter reasoning;

		private final Map<String, CostMeters> cost = new ConcurrentHashMap<>(2);

		SeriesMeters(KeyValues keyValues) {
			Tags tags = Tags.empty();
			Tags callTags = Tags.empty();
			for (KeyValue keyValue : keyValues) {
				if (!PRICED.equals(keyValue.getKey())) {
					tags = tags.and(keyValue.getKey(), keyValue.getValue());
					if (!RESPONSE_MODEL.equals(keyValue.getKey())) {
						callTags = callTags.and(keyValue.getKey(), keyValue.getValue());
					}
				}
			}
			this.tags = tags;
			this.callTags = callTags;
			MeterProvider<Counter> tokens = LlmCostMeterObservationHandler.this.tokens;
			this.input = tokens.withTags(tags.and(TOKEN_TYPE, "input"));
			this.cachedInput = tokens.withTags(tags.and(TOKEN_TYPE, "cached_input"));
			this.cacheWrite = tokens.withTags(tags.and(TOKEN_TYPE, "cache_write"));
			this.output = tokens.withTags(tags.and(TOKEN_TYPE, "output"));
			this.reasoning = tokens.withTags(tags.and(TOKEN_TYPE, "reasoning"));
		}

	}

	/**
	 * The cost meters of one set of observation key values and one currency.
	 */
	private final class CostMeters {

		private final BigDecimalAdder input;

		private final BigDecimalAdder cachedInput;

		private final BigDecimalAdder cacheWrite;

		private final BigDecimalAdder output;

		private final BigDecimalAdder reasoning;

		private final BigDecimalAdder request;

		private final DistributionSummary callCost;

		CostMeters(Tags tags, Tags callTags, String currency) {
			Tags costTags = tags.and(CURRENCY, currency);
			this.input = costAdder(costTags.and(COST_TYPE, "input"), currency);
			this.cachedInput = costAdder(costTags.and(COST_TYPE, "cached_input"), currency);
			this.cacheWrite = costAdder(costTags.and(COST_TYPE, "cache_write"), currency);
			this.output = costAdder(costTags.and(COST_TYPE, "output"), currency);
			this.reasoning = costAdder(costTags.and(COST_TYPE, "reasoning"), currency);
			this.request = costAdder(costTags.and(COST_TYPE, "request"), currency);
			this.callCost = DistributionSummary.builder(LlmCostMeters.CALL_COST.getName())
				.description("Total cost of each LLM call")
				.baseUnit(currency)
				.tags(callTags.and(CURRENCY, currency))
				.register(LlmCostMeterObservationHandler.this.registry);
		}

	}

}
