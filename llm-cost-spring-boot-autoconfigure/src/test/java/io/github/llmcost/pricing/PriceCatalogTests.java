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

package io.github.llmcost.pricing;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PriceCatalog} and {@link CatalogModelPriceResolver}.
 *
 * @author llm-cost contributors
 */
class PriceCatalogTests {

	private static final ModelPrice ONE = price(1);

	private static final ModelPrice TWO = price(2);

	private static final ModelPrice THREE = price(3);

	private final PriceCatalog catalog = new PriceCatalog("test", "test entries",
			List.of(new PriceEntry("gpt-4o", ONE), new PriceEntry("claude-sonnet-4-20250514", TWO),
					new PriceEntry("my-model", THREE, List.of("my-deployment", "team-*-model"))));

	@Test
	void shouldFindExactNameIgnoringCase() {
		assertThat(this.catalog.find("GPT-4o"))
			.isEqualTo(new ResolvedPrice("gpt-4o", "test", ONE, ResolvedPrice.Match.EXACT));
	}

	@Test
	void shouldFindNormalizedNameOfQuery() {
		assertThat(this.catalog.find("openai/gpt-4o-2024-11-20"))
			.isEqualTo(new ResolvedPrice("gpt-4o", "test", ONE, ResolvedPrice.Match.NORMALIZED));
	}

	@Test
	void shouldFindEntryByItsNormalizedName() {
		assertThat(this.catalog.find("claude-sonnet-4"))
			.isEqualTo(new ResolvedPrice("claude-sonnet-4-20250514", "test", TWO, ResolvedPrice.Match.NORMALIZED));
		assertThat(this.catalog.find("us.anthropic.claude-sonnet-4-20250514-v1:0").entry())
			.isEqualTo("claude-sonnet-4-20250514");
	}

	@Test
	void shouldFindAliasNamesAndPatterns() {
		assertThat(this.catalog.find("My-Deployment"))
			.isEqualTo(new ResolvedPrice("my-model", "test", THREE, ResolvedPrice.Match.ALIAS));
		assertThat(this.catalog.find("team-search-model").entry()).isEqualTo("my-model");
		assertThat(this.catalog.find("team-model")).isNull();
	}

	@Test
	void shouldNotFindUnknownModel() {
		assertThat(this.catalog.find("mystery-model")).isNull();
	}

	@Test
	void firstEntryShouldWinForTheSameName() {
		PriceCatalog catalog = new PriceCatalog("test", "duplicates",
				List.of(new PriceEntry("gpt-4o", ONE), new PriceEntry("GPT-4O", TWO)));
		assertThat(catalog.find("gpt-4o").price()).isEqualTo(ONE);
	}

	@Test
	void resolverShouldTryCatalogsInOrderAndResponseModelBeforeRequestModel() {
		PriceCatalog user = new PriceCatalog("property", "user", List.of(new PriceEntry("my-azure-deployment", TWO)));
		PriceCatalog builtin = new PriceCatalog("builtin", "builtin", List.of(new PriceEntry("gpt-4o", ONE)));
		CatalogModelPriceResolver resolver = new CatalogModelPriceResolver(List.of(user, builtin));
		// the user's entry for the request model beats the catalog's for the response
		// model
		assertThat(resolver.resolve("gpt-4o-2024-08-06", "my-azure-deployment").source()).isEqualTo("property");
		assertThat(resolver.resolve("gpt-4o-2024-08-06", "other-deployment").source()).isEqualTo("builtin");
		assertThat(resolver.resolve("unknown", "other")).isNull();
		assertThat(resolver.resolve(null, null)).isNull();
		assertThat(resolver.resolve("gpt-4o")).isNotNull();
	}

	@Test
	void resolverShouldCacheResolvedNames() {
		CatalogModelPriceResolver resolver = new CatalogModelPriceResolver(List.of(this.catalog));
		ResolvedPrice first = resolver.resolve("openai/gpt-4o", "gpt-4o");
		assertThat(resolver.resolve("openai/gpt-4o", "gpt-4o")).isSameAs(first);
	}

	@Test
	void imageModelNamesAtOneSizeShouldOnlyMatchExactly() {
		PriceCatalog catalog = new PriceCatalog("test", "images",
				List.of(new PriceEntry("hd/1024-x-1024/dall-e-3", ONE),
						new PriceEntry("low/1024-x-1024/gpt-image-1", TWO), new PriceEntry("dall-e-3", THREE)));
		assertThat(catalog.find("HD/1024-x-1024/dall-e-3").price()).isEqualTo(ONE);
		// neither does a size normalize to the model, nor the model to one of its sizes
		assertThat(catalog.find("standard/1024-x-1024/dall-e-3")).isNull();
		assertThat(catalog.find("gpt-image-1")).isNull();
		assertThat(catalog.find("openai/dall-e-3").price()).isEqualTo(THREE);
	}

	@Test
	void resolverShouldResolveFirstAcceptedNameInOneCatalogBeforeTheNext() {
		ModelPrice flat = ModelPrice.builder()
			.input(BigDecimal.ZERO)
			.output(BigDecimal.ZERO)
			.perImage(BigDecimal.ONE)
			.build();
		ModelPrice hd = ModelPrice.builder()
			.input(BigDecimal.ZERO)
			.output(BigDecimal.ZERO)
			.perImage(BigDecimal.valueOf(2))
			.build();
		PriceCatalog user = new PriceCatalog("property", "user",
				List.of(new PriceEntry("dall-e-3", flat), new PriceEntry("gpt-image-1", ONE)));
		PriceCatalog builtin = new PriceCatalog("builtin", "builtin", List
			.of(new PriceEntry("hd/1024-x-1024/dall-e-3", hd), new PriceEntry("medium/1024-x-1024/gpt-image-1", hd)));
		CatalogModelPriceResolver resolver = new CatalogModelPriceResolver(List.of(user, builtin));
		// the user's flat price of the model beats the catalog's price of its size
		ResolvedPrice dallE3 = resolver.resolveFirst(List.of("hd/1024-x-1024/dall-e-3", "dall-e-3"),
				(price) -> price.perImage().signum() > 0);
		assertThat(dallE3.source()).isEqualTo("property");
		assertThat(dallE3.price()).isEqualTo(flat);
		// a price of tokens alone is not a price of images
		ResolvedPrice gptImage = resolver.resolveFirst(List.of("medium/1024-x-1024/gpt-image-1", "gpt-image-1"),
				(price) -> price.perImage().signum() > 0);
		assertThat(gptImage.source()).isEqualTo("builtin");
		assertThat(resolver.resolveFirst(List.of("dall-e-2"), (price) -> true)).isNull();
	}

	private static ModelPrice price(int dollars) {
		return ModelPrice.builder().input(BigDecimal.valueOf(dollars)).output(BigDecimal.valueOf(dollars)).build();
	}

}
