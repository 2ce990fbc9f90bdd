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

package io.github.llmcost.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.BigDecimalAdder;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.metrics.LlmCostMeters.AttributionKeyNames;
import io.github.llmcost.metrics.LlmCostMeters.CostKeyNames;
import io.github.llmcost.metrics.LlmCostMeters.TokenKeyNames;
import io.github.llmcost.observation.LlmCostObservationDocumentation.LowCardinalityKeyNames;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.recording.PricedCallListener;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Records the tokens and the cost of each priced call as the {@code llm.tokens},
 * {@code llm.cost} and {@code llm.call.cost} meters, one series per
 * {@link BillingDimension#meterType() meter type}, and capped attribution values as
 * {@code llm.attribution.capped}. It is fed by the
 * {@link io.github.llmcost.recording.LlmCostRecorder}, not by the {@code llm.call}
 * observation, so the meters stay when that observation is turned off.
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
public class LlmCostMeterRecorder implements PricedCallListener {

	private static final BillingDimension[] DIMENSIONS = BillingDimension.values();

	private static final String TOKEN_TYPE = TokenKeyNames.TOKEN_TYPE.asString();

	private static final String COST_TYPE = CostKeyNames.COST_TYPE.asString();

	private static final String CURRENCY = CostKeyNames.CURRENCY.asString();

	private final MeterRegistry registry;

	private final MeterProvider<Counter> tokens;

	private final MeterProvider<Counter> capped;

	private final Map<SeriesKey, SeriesMeters> series = new ConcurrentHashMap<>();

	private final Map<Meter.Id, BigDecimalAdder> costAdders = new ConcurrentHashMap<>();

	/**
	 * Create a recorder that records into the given registry.
	 * @param registry the meter registry
	 */
	public LlmCostMeterRecorder(MeterRegistry registry) {
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
	public void onPricedCall(PricedCall call) {
		for (String tag : call.attribution().cappedTags()) {
			this.capped.withTags(AttributionKeyNames.TAG.asString(), tag).increment();
		}
		TokenUsage usage = call.usage();
		LlmCost cost = call.cost();
		if (usage == null && cost == null) {
			return;
		}
		SeriesKey key = new SeriesKey(call.operation(), call.provider(), valueOrNone(call.requestModel()),
				valueOrNone(call.responseModel()), call.usageSource(), call.attribution().metricTags());
		SeriesMeters meters = this.series.get(key);
		if (meters == null) {
			meters = this.series.computeIfAbsent(key, SeriesMeters::new);
		}
		if (usage != null) {
			for (BillingDimension dimension : DIMENSIONS) {
				Counter counter = meters.tokens[dimension.ordinal()];
				if (counter != null) {
					counter.increment(usage.get(dimension));
				}
			}
		}
		if (cost == null) {
			return;
		}
		String currency = cost.currency().getCurrencyCode();
		CostMeters costMeters = meters.cost.get(currency);
		if (costMeters == null) {
			SeriesMeters series = meters;
			costMeters = meters.cost.computeIfAbsent(currency,
					(code) -> new CostMeters(series.tags, series.callTags, code));
		}
		for (BillingDimension dimension : DIMENSIONS) {
			costMeters.amounts[dimension.ordinal()].add(cost.get(dimension));
		}
		costMeters.callCost.record(cost.total().doubleValue());
	}

	private static String valueOrNone(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : KeyValue.NONE_VALUE;
	}

	/**
	 * Return the adder behind the {@code llm.cost} series of the given tags, registering
	 * the series if it is new. Series registration is rare and synchronized, so that the
	 * adder registered first for a meter (after the registry's meter filters, which may
	 * map several sets of tags to one meter, as two dimensions of one meter type do) is
	 * the one every call of that meter adds to.
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
	 * The low-cardinality values that a series of meters is kept for.
	 */
	private record SeriesKey(String operation, String provider, String requestModel, String responseModel,
			UsageSource usageSource, Map<String, String> metricTags) {

	}

	/**
	 * The meters of one series.
	 */
	private final class SeriesMeters {

		private final Tags tags;

		private final Tags callTags;

		// indexed by BillingDimension.ordinal(); null for dimensions that are not tokens
		private final @Nullable Counter[] tokens = new Counter[DIMENSIONS.length];

		private final Map<String, CostMeters> cost = new ConcurrentHashMap<>(2);

		SeriesMeters(SeriesKey key) {
			Tags callTags = Tags.of(LowCardinalityKeyNames.OPERATION_NAME.asString(), key.operation(),
					LowCardinalityKeyNames.PROVIDER_NAME.asString(), key.provider(),
					LowCardinalityKeyNames.REQUEST_MODEL.asString(), key.requestModel());
			for (Map.Entry<String, String> tag : key.metricTags().entrySet()) {
				callTags = callTags.and(tag.getKey(), tag.getValue());
			}
			this.callTags = callTags;
			this.tags = callTags.and(LowCardinalityKeyNames.RESPONSE_MODEL.asString(), key.responseModel())
				.and(LowCardinalityKeyNames.USAGE_SOURCE.asString(), key.usageSource().value());
			for (BillingDimension dimension : BillingDimension.tokens()) {
				this.tokens[dimension.ordinal()] = LlmCostMeterRecorder.this.tokens
					.withTags(this.tags.and(TOKEN_TYPE, dimension.meterType()));
			}
		}

	}

	/**
	 * The cost meters of one series and one currency.
	 */
	private final class CostMeters {

		// indexed by BillingDimension.ordinal(); dimensions of one meter type share one
		private final BigDecimalAdder[] amounts = new BigDecimalAdder[DIMENSIONS.length];

		private final DistributionSummary callCost;

		CostMeters(Tags tags, Tags callTags, String currency) {
			Tags costTags = tags.and(CURRENCY, currency);
			Map<String, BigDecimalAdder> byType = new HashMap<>();
			for (BillingDimension dimension : DIMENSIONS) {
				this.amounts[dimension.ordinal()] = byType.computeIfAbsent(dimension.meterType(),
						(type) -> costAdder(costTags.and(COST_TYPE, type), currency));
			}
			this.callCost = DistributionSummary.builder(LlmCostMeters.CALL_COST.getName())
				.description("Total cost of each LLM call")
				.baseUnit(currency)
				.tags(callTags.and(CURRENCY, currency))
				.register(LlmCostMeterRecorder.this.registry);
		}

	}

}
