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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.pricing.litellm.LiteLlmPriceFile;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * {@link CatalogModelPriceResolver} of the prices configured under
 * {@code llm-cost.pricing}: the entries of {@code llm-cost.pricing.models} first, then
 * the price file at {@code llm-cost.pricing.catalog.location}, then the bundled catalog
 * of list prices unless {@code llm-cost.pricing.catalog.builtin} is off.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class PropertiesModelPriceResolver extends CatalogModelPriceResolver {

	/**
	 * Create a resolver of the given pricing properties.
	 * @param pricing the pricing properties
	 */
	public PropertiesModelPriceResolver(LlmCostProperties.Pricing pricing) {
		super(catalogs(pricing));
	}

	private static List<PriceCatalog> catalogs(LlmCostProperties.Pricing pricing) {
		List<PriceCatalog> catalogs = new ArrayList<>();
		catalogs.add(propertiesCatalog(pricing));
		Resource location = pricing.getCatalog().getLocation();
		if (location != null) {
			try {
				catalogs.add(LiteLlmPriceFile.read(location, ResolvedPrice.SOURCE_FILE));
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException(
						LlmCostProperties.CONFIG_PREFIX + ".pricing.catalog.location: " + ex.getMessage(), ex);
			}
		}
		if (pricing.getCatalog().isBuiltin()) {
			catalogs.add(LiteLlmPriceFile.builtin());
		}
		return catalogs;
	}

	private static PriceCatalog propertiesCatalog(LlmCostProperties.Pricing pricing) {
		List<PriceEntry> entries = new ArrayList<>();
		pricing.getModels().forEach((model, modelPricing) -> {
			boolean imageModel = modelPricing.isImageModel();
			ModelPrice.Builder price = ModelPrice.builder()
				.perTokens(pricing.getPerTokens())
				.input(tokenPrice(modelPricing.getInput(), imageModel))
				.output(tokenPrice(modelPricing.getOutput(), imageModel))
				.cachedInput(modelPricing.getCachedInput())
				.cacheWrite(modelPricing.getCacheWrite())
				.cacheWrite1h(modelPricing.getCacheWrite1h())
				.reasoning(modelPricing.getReasoning())
				.perRequest(modelPricing.getPerRequest())
				.perImage(modelPricing.getPerImage());
			for (LlmCostProperties.Tier tier : modelPricing.getTiers()) {
				price.tier(tier.getAboveInputTokens(),
						(prices) -> prices.input(tier.getInput())
							.output(tier.getOutput())
							.cachedInput(tier.getCachedInput())
							.cacheWrite(tier.getCacheWrite())
							.cacheWrite1h(tier.getCacheWrite1h())
							.reasoning(tier.getReasoning()));
			}
			entries.add(new PriceEntry(model, price.build(), modelPricing.getAliases()));
		});
		return new PriceCatalog(ResolvedPrice.SOURCE_PROPERTY, LlmCostProperties.CONFIG_PREFIX + ".pricing.models",
				entries);
	}

	private static BigDecimal tokenPrice(@Nullable BigDecimal price, boolean imageModel) {
		if (price == null && imageModel) {
			return BigDecimal.ZERO;
		}
		// LlmCostProperties requires the input and output prices of other models
		Assert.state(price != null, "Input and output prices must be set");
		return price;
	}

}
