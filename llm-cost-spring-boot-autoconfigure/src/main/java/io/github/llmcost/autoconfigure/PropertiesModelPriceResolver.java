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

package io.github.llmcost.autoconfigure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import org.jspecify.annotations.Nullable;

/**
 * {@link ModelPriceResolver} of the prices set in {@code llm-cost.pricing.models},
 * matching model names case-insensitively.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class PropertiesModelPriceResolver implements ModelPriceResolver {

	private final Map<String, ResolvedPrice> prices;

	/**
	 * Create a resolver of the given pricing properties.
	 * @param pricing the pricing properties
	 */
	public PropertiesModelPriceResolver(LlmCostProperties.Pricing pricing) {
		Map<String, ResolvedPrice> prices = new HashMap<>();
		pricing.getModels().forEach((model, modelPricing) -> {
			ModelPrice price = ModelPrice.builder()
				.perTokens(pricing.getPerTokens())
				.input(modelPricing.getInput())
				.output(modelPricing.getOutput())
				.cachedInput(modelPricing.getCachedInput())
				.cacheWrite(modelPricing.getCacheWrite())
				.reasoning(modelPricing.getReasoning())
				.perRequest(modelPricing.getPerRequest())
				.build();
			prices.put(normalize(model), new ResolvedPrice(model, ResolvedPrice.SOURCE_PROPERTY, price));
		});
		this.prices = Map.copyOf(prices);
	}

	@Override
	public @Nullable ResolvedPrice resolve(String model) {
		return this.prices.get(normalize(model));
	}

	private static String normalize(String model) {
		return model.toLowerCase(Locale.ROOT);
	}

}
