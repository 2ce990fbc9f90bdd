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

package io.github.llmcost.benchmarks;

import java.math.BigDecimal;
import java.util.List;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.pricing.litellm.LiteLlmPriceFile;

import org.springframework.core.io.ClassPathResource;

/**
 * Price catalogs of the benchmarks, built the way the auto-configuration builds them.
 *
 * @author llm-cost contributors
 */
final class Catalogs {

	/**
	 * Classpath location of LiteLLM's full price file (about 3,000 entries), of which the
	 * bundled catalog is a subset.
	 */
	static final String LITELLM_FULL = "litellm/model_prices_and_context_window.json";

	private Catalogs() {
	}

	/**
	 * Return a resolver like the auto-configured one with {@code gpt-4o} priced in the
	 * properties: the properties catalog first, then the bundled catalog.
	 * @return the resolver
	 */
	static CatalogModelPriceResolver production() {
		return new CatalogModelPriceResolver(List.of(properties(), LiteLlmPriceFile.builtin()));
	}

	/**
	 * Return a catalog like the one {@code llm-cost.pricing.models.gpt-4o} makes: prices
	 * per million tokens.
	 * @return the catalog
	 */
	static PriceCatalog properties() {
		ModelPrice gpt4o = ModelPrice.builder()
			.perTokens(1_000_000)
			.input(new BigDecimal("2.50"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
			.output(new BigDecimal("10.00"))
			.build();
		return new PriceCatalog(ResolvedPrice.SOURCE_PROPERTY, "llm-cost.pricing.models",
				List.of(new PriceEntry("gpt-4o", gpt4o)));
	}

	/**
	 * Return a catalog of a handful of models, as an application that prices only its own
	 * models has.
	 * @return the catalog
	 */
	static PriceCatalog small() {
		PriceCatalog builtin = LiteLlmPriceFile.builtin();
		List<PriceEntry> entries = builtin.getEntries()
			.stream()
			.filter((entry) -> List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3", "claude-sonnet-4-20250514")
				.contains(entry.name()))
			.toList();
		return new PriceCatalog(ResolvedPrice.SOURCE_PROPERTY, "small", entries);
	}

	/**
	 * Read LiteLLM's full price file, as {@code llm-cost.pricing.catalog.location} would.
	 * @return the catalog
	 */
	static PriceCatalog litellmFull() {
		return LiteLlmPriceFile.read(new ClassPathResource(LITELLM_FULL), ResolvedPrice.SOURCE_FILE);
	}

}
