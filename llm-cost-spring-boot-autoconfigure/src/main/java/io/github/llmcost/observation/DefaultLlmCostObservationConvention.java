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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.LlmCostObservationDocumentation.HighCardinalityKeyNames;
import io.github.llmcost.observation.LlmCostObservationDocumentation.LowCardinalityKeyNames;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link LlmCostObservationConvention}: the observation is named
 * {@value #DEFAULT_NAME}, and its low-cardinality keys are always present, with the value
 * {@code none} when unknown, so that the key set of its meters never changes.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class DefaultLlmCostObservationConvention implements LlmCostObservationConvention {

	/**
	 * Name of the observation, and so of the timer it produces.
	 */
	public static final String DEFAULT_NAME = "llm.call";

	private static final String NONE = KeyValue.NONE_VALUE;

	private static final KeyValue PRICED = KeyValue.of(LowCardinalityKeyNames.PRICED, "true");

	private static final KeyValue NOT_PRICED = KeyValue.of(LowCardinalityKeyNames.PRICED, "false");

	private static final KeyValue USAGE_REPORTED = KeyValue.of(LowCardinalityKeyNames.USAGE_SOURCE,
			UsageSource.REPORTED.value());

	private static final KeyValue USAGE_ESTIMATED = KeyValue.of(LowCardinalityKeyNames.USAGE_SOURCE,
			UsageSource.ESTIMATED.value());

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(LlmCostObservationContext context) {
		String model = (context.getRequestModel() != null) ? context.getRequestModel() : context.getResponseModel();
		return (model != null) ? "llm " + context.getOperation() + " " + model : "llm " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LlmCostObservationContext context) {
		return KeyValues
			.of(operationName(context), providerName(context), requestModel(context), responseModel(context),
					priced(context), usageSource(context))
			.and(metricTags(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LlmCostObservationContext context) {
		KeyValues keyValues = KeyValues.of(costCurrency(context), costSource(context)).and(spanTags(context));
		if (context.getPrice() == null || context.getCost() == null) {
			return keyValues;
		}
		return keyValues.and(pricingEntry(context), pricingSource(context), pricingTier(context));
	}

	/**
	 * Return the attribution tags that go on meters: always the same keys, with
	 * {@code none} or {@code other} for missing or capped values.
	 * @param context the context
	 * @return the metric tags
	 */
	protected KeyValues metricTags(LlmCostObservationContext context) {
		Map<String, String> metricTags = context.getAttribution().metricTags();
		if (metricTags.isEmpty()) {
			return KeyValues.empty();
		}
		List<KeyValue> keyValues = new ArrayList<>(metricTags.size());
		metricTags.forEach((name, value) -> keyValues.add(KeyValue.of(name, value)));
		return KeyValues.of(keyValues);
	}

	/**
	 * Return the attribution tags that go on the span only: those that are not metric
	 * tags.
	 * @param context the context
	 * @return the span-only tags
	 */
	protected KeyValues spanTags(LlmCostObservationContext context) {
		Attribution attribution = context.getAttribution();
		if (attribution.tags().isEmpty()) {
			return KeyValues.empty();
		}
		List<KeyValue> keyValues = new ArrayList<>(attribution.tags().size());
		attribution.tags().forEach((name, value) -> {
			if (!attribution.metricTags().containsKey(name)) {
				keyValues.add(KeyValue.of(name, value));
			}
		});
		return KeyValues.of(keyValues);
	}

	protected KeyValue operationName(LlmCostObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, context.getOperation());
	}

	protected KeyValue providerName(LlmCostObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME, context.getProvider());
	}

	protected KeyValue requestModel(LlmCostObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL, valueOrNone(context.getRequestModel()));
	}

	protected KeyValue responseModel(LlmCostObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.RESPONSE_MODEL, valueOrNone(context.getResponseModel()));
	}

	protected KeyValue priced(LlmCostObservationContext context) {
		return (context.getCost() != null) ? PRICED : NOT_PRICED;
	}

	protected KeyValue usageSource(LlmCostObservationContext context) {
		return (context.getUsageSource() == UsageSource.ESTIMATED) ? USAGE_ESTIMATED : USAGE_REPORTED;
	}

	protected KeyValue costCurrency(LlmCostObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.COST_CURRENCY, context.getCurrency().getCurrencyCode());
	}

	protected KeyValue costSource(LlmCostObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.COST_SOURCE, context.getCostSource().value());
	}

	protected KeyValue pricingEntry(LlmCostObservationContext context) {
		ResolvedPrice price = context.getPrice();
		return KeyValue.of(HighCardinalityKeyNames.PRICING_ENTRY, (price != null) ? price.entry() : NONE);
	}

	protected KeyValue pricingSource(LlmCostObservationContext context) {
		ResolvedPrice price = context.getPrice();
		return KeyValue.of(HighCardinalityKeyNames.PRICING_SOURCE, (price != null) ? price.source() : NONE);
	}

	protected KeyValue pricingTier(LlmCostObservationContext context) {
		LlmCost cost = context.getCost();
		return KeyValue.of(HighCardinalityKeyNames.PRICING_TIER, (cost != null) ? cost.tier() : NONE);
	}

	private static String valueOrNone(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

}
