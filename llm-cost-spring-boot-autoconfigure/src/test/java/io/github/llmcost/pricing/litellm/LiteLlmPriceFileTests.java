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

package io.github.llmcost.pricing.litellm;

import java.nio.charset.StandardCharsets;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceTier;
import io.github.llmcost.pricing.ResolvedPrice;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LiteLlmPriceFile}.
 *
 * @author llm-cost contributors
 */
class LiteLlmPriceFileTests {

	private static final ClassPathResource FULL_FILE = new ClassPathResource(
			"litellm/model_prices_and_context_window.json");

	@Test
	void shouldReadEveryTokenPricedEntryOfLiteLlmsFile() {
		PriceCatalog catalog = LiteLlmPriceFile.read(FULL_FILE, "file");
		// 2,984 entries, of which those priced per token (not images, audio or seconds)
		assertThat(catalog.getEntries()).hasSizeGreaterThan(2400);
		assertThat(catalog.getSource()).isEqualTo("file");
		assertThat(catalog.getDescription()).contains("model_prices_and_context_window.json");
		assertThat(catalog.find("sample_spec")).isNull();
		ResolvedPrice gpt4o = catalog.find("gpt-4o");
		assertThat(gpt4o.source()).isEqualTo("file");
		assertThat(gpt4o.price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.0000025");
		assertThat(gpt4o.price().get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.00000125");
		assertThat(gpt4o.price().get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.00001");
		assertThat(gpt4o.price().get(BillingDimension.REASONING)).isEqualByComparingTo("0.00001");
		assertThat(gpt4o.price().get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.0000025");
	}

	@Test
	void shouldReadTiersCacheWritesAndReasoningAndRequestPrices() {
		PriceCatalog catalog = LiteLlmPriceFile.read(FULL_FILE, "file");
		ModelPrice sonnet = catalog.find("claude-sonnet-4-20250514").price();
		assertThat(sonnet.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.00000375");
		PriceTier tier = sonnet.tierFor(200_001);
		assertThat(tier.aboveInputTokens()).isEqualTo(200_000);
		assertThat(tier.price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.000006");
		assertThat(tier.price().get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.0000225");
		assertThat(tier.price().get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.0000006");
		assertThat(tier.price().get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.0000075");
		assertThat(catalog.find("gemini-2.5-flash").price().get(BillingDimension.REASONING)).isPositive();
		assertThat(catalog.find("perplexity/sonar-medium-online").price().get(BillingDimension.REQUEST))
			.isEqualByComparingTo("0.005");
		assertThat(catalog.find("mistral/mistral-embed").price().get(BillingDimension.OUTPUT)).isZero();
	}

	@Test
	void shouldIgnoreUnusedFieldsEntriesWithoutTokenPricesAndMetadata() {
		PriceCatalog catalog = read("""
				{"last_updated": "2026-07-24", "gpt-x": {"input_cost_per_token": 1e-06,
				 "output_cost_per_token": 2e-06, "supports_vision": true, "max_tokens": 4096,
				 "search_context_cost_per_query": {"low": 0.01}},
				 "tts-x": {"mode": "audio_speech", "output_cost_per_second": 0.01}}""");
		assertThat(catalog.getEntries()).singleElement()
			.satisfies((entry) -> assertThat(entry.name()).isEqualTo("gpt-x"));
	}

	@Test
	void shouldPriceImageModelsPerImage() {
		PriceCatalog catalog = read("""
				{"dall-e-x": {"mode": "image_generation", "input_cost_per_image": 0.04},
				 "imagen-x": {"mode": "image_generation", "output_cost_per_image": 0.03, "input_cost_per_image": 9},
				 "hd/1024-x-1792/dall-e-x": {"mode": "image_generation", "input_cost_per_pixel": 6.539e-08},
				 "chat-x": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
				   "input_cost_per_image": 0.002}}""");
		assertThat(catalog.find("dall-e-x").price().perImage()).isEqualByComparingTo("0.04");
		assertThat(catalog.find("dall-e-x").price().get(BillingDimension.INPUT)).isZero();
		assertThat(catalog.find("imagen-x").price().perImage()).isEqualByComparingTo("0.03");
		// 6.539e-08 per pixel times 1024 x 1792 pixels
		assertThat(catalog.find("hd/1024-x-1792/dall-e-x").price().perImage()).isEqualByComparingTo("0.11999117312");
		// a chat model's price of an input image is no price per generated image
		assertThat(catalog.find("chat-x").price().perImage()).isZero();
		assertThat(LiteLlmPriceFile.read(FULL_FILE, "file").find("hd/1024-x-1024/dall-e-3").price().perImage())
			.isEqualByComparingTo("0.07999586304");
	}

	@Test
	void shouldFailOnMalformedJsonNamingFileAndEntry() {
		assertThatIllegalStateException().isThrownBy(() -> read("""
				{"gpt-x": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
				 "gpt-y": {"input_cost_per_token": 1e-06 "output_cost_per_token": 2e-06}}"""))
			.withMessageStartingWith("Invalid price file Byte array resource [prices.json]: malformed JSON in entry"
					+ " 'gpt-y' at line 2");
	}

	@Test
	void shouldFailOnNonNumericOrNegativePriceNamingFileEntryAndField() {
		assertThatIllegalStateException().isThrownBy(() -> read("""
				{"gpt-x": {"input_cost_per_token": "cheap", "output_cost_per_token": 2e-06}}"""))
			.withMessage("Invalid price file Byte array resource [prices.json]: entry 'gpt-x':"
					+ " input_cost_per_token must be a non-negative number, was \"cheap\"");
		assertThatIllegalStateException().isThrownBy(() -> read("""
				{"gpt-x": {"input_cost_per_token": 1e-06, "output_cost_per_token": -2e-06}}"""))
			.withMessageContaining("entry 'gpt-x': output_cost_per_token must be a non-negative number");
	}

	@Test
	void shouldFailOnFileThatIsNotAnObject() {
		assertThatIllegalStateException().isThrownBy(() -> read("[1, 2]"))
			.withMessageContaining("expected a JSON object of model entries");
	}

	@Test
	void shouldFailOnUnreadableFileNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LiteLlmPriceFile.read(new FileSystemResource("/no/such/prices.json"), "file"))
			.withMessageStartingWith("Cannot read price file file [/no/such/prices.json]");
	}

	private static PriceCatalog read(String json) {
		return LiteLlmPriceFile.read(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "prices.json"),
				"file");
	}

}
