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

package io.github.llmcost.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.CallPricer.Charge;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.LlmUnpricedModelEvent;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallPricer}.
 *
 * @author llm-cost contributors
 */
class CallPricerTests {

	private static final ModelPrice LLAMA = ModelPrice.builder()
		.input(new BigDecimal("0.10"))
		.output(new BigDecimal("0.20"))
		.build();

	private static final ModelPrice LIST_PRICE = ModelPrice.builder()
		.input(new BigDecimal("0.55"))
		.output(new BigDecimal("2.19"))
		.build();

	private static final ModelPrice DALL_E_2 = ModelPrice.builder()
		.input(BigDecimal.ZERO)
		.output(BigDecimal.ZERO)
		.perImage(new BigDecimal("0.02"))
		.build();

	private final List<Object> events = new ArrayList<>();

	private final CallPricer pricer = CallPricer
		.builder(new CatalogModelPriceResolver(List.of(
				new PriceCatalog(ResolvedPrice.SOURCE_PROPERTY, "properties",
						List.of(new PriceEntry("llama3.2", LLAMA))),
				new PriceCatalog(ResolvedPrice.SOURCE_BUILTIN, "builtin",
						List.of(new PriceEntry("deepseek/deepseek-r1", LIST_PRICE),
								new PriceEntry("1024-x-1024/dall-e-2", DALL_E_2))))))
		.freeProviders(List.of("ollama"))
		.eventPublisher(this.events::add)
		.build();

	@Test
	void freeProviderModelShouldCostNothingUnlessTheApplicationPricedIt() {
		// deepseek-r1 on Ollama is not DeepSeek's hosted API
		ResolvedPrice local = this.pricer.resolve(null, "deepseek-r1", "ollama");
		assertThat(local.source()).isEqualTo(ResolvedPrice.SOURCE_FREE_PROVIDER);
		assertThat(this.pricer.resolve(null, "deepseek-r1", "openai").source()).isEqualTo(ResolvedPrice.SOURCE_BUILTIN);
		assertThat(this.pricer.resolve(null, "llama3.2", "ollama").price()).isEqualTo(LLAMA);
		assertThat(this.pricer.resolve(null, "mystery", "ollama").source())
			.isEqualTo(ResolvedPrice.SOURCE_FREE_PROVIDER);
	}

	@Test
	void shouldPriceImagesPerImageAsTheRequestCost() {
		Charge priced = this.pricer.priceImages(3, List.of("hd/1024-x-1024/dall-e-2", "1024-x-1024/dall-e-2"),
				"dall-e-2", "openai");
		assertThat(priced.price().entry()).isEqualTo("1024-x-1024/dall-e-2");
		assertThat(priced.cost().get(BillingDimension.REQUEST)).isEqualByComparingTo("0.06");
		assertThat(priced.cost().total()).isEqualByComparingTo("0.06");
	}

	@Test
	void shouldReportUnpricedModelOnceAndPriceNothing() {
		assertThat(this.pricer.priceTokens(Usages.tokens(10, 0, 0, 10, 0), null, "mystery", "openai")).isNull();
		assertThat(this.pricer.priceImages(1, List.of("dall-e-9"), "dall-e-9", "openai")).isNull();
		assertThat(this.pricer.priceTokens(Usages.tokens(10, 0, 0, 10, 0), null, "mystery", "openai")).isNull();
		assertThat(this.events).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(LlmUnpricedModelEvent.class));
	}

}
