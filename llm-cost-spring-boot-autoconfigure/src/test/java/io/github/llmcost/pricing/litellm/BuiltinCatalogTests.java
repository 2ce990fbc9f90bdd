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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the catalog of list prices bundled with llm-cost: that it is what the
 * generator makes of LiteLLM's file, and that costs computed with it equal the costs
 * computed directly from LiteLLM's per-token prices, to the last digit.
 *
 * @author llm-cost contributors
 */
class BuiltinCatalogTests {

	private static final JsonNode LITELLM = readLiteLlmFile();

	private static final Pattern TIER = Pattern.compile("_above_(\\d+)k_tokens$");

	private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini", "gpt-4.1",
			"gpt-4.1-mini", "gpt-4.1-nano", "o1", "o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5.1", "gpt-5.4",
			"azure/gpt-4o", "azure/gpt-5.4", "claude-sonnet-4-5", "claude-sonnet-4-20250514", "claude-opus-4-1",
			"claude-opus-4-5", "claude-haiku-4-5", "claude-3-7-sonnet-20250219",
			"us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0",
			"vertex_ai/claude-sonnet-4@20250514", "gemini-2.5-pro", "gemini/gemini-2.5-pro", "gemini-2.5-flash",
			"gemini-2.0-flash", "gemini/gemini-1.5-flash", "mistral/mistral-large-latest",
			"mistral/mistral-small-latest", "mistral/mistral-embed", "deepseek/deepseek-chat",
			"deepseek/deepseek-reasoner", "amazon.nova-pro-v1:0", "moonshot/kimi-k2.5", "minimax/MiniMax-M2",
			"zai/glm-4.6", "groq/llama-3.3-70b-versatile", "perplexity/sonar-pro", "perplexity/sonar-medium-online",
			"text-embedding-3-small", "text-embedding-3-large", "gemini/gemini-embedding-001");

	private static final List<TokenUsage> USAGES = List.of(Usages.tokens(1200, 0, 0, 350, 0),
			Usages.tokens(2000, 8000, 0, 300, 0), Usages.tokens(100, 3000, 5000, 50, 0),
			Usages.tokens(500, 0, 0, 200, 1500), Usages.tokens(120_000, 10_000, 0, 900, 0),
			Usages.tokens(230_000, 20_000, 0, 2000, 0), Usages.tokens(290_000, 10_000, 0, 1000, 500),
			// 3000 cache writes of which 1200 for one hour; 10000 of which 4000
			TokenUsage.builder()
				.tokens(BillingDimension.INPUT, 1000)
				.tokens(BillingDimension.CACHED_INPUT, 2000)
				.tokens(BillingDimension.CACHE_WRITE, 1800)
				.tokens(BillingDimension.CACHE_WRITE_1H, 1200)
				.tokens(BillingDimension.OUTPUT, 400)
				.build(),
			TokenUsage.builder()
				.tokens(BillingDimension.INPUT, 195_000)
				.tokens(BillingDimension.CACHE_WRITE, 6000)
				.tokens(BillingDimension.CACHE_WRITE_1H, 4000)
				.tokens(BillingDimension.OUTPUT, 100)
				.build());

	private final CatalogModelPriceResolver resolver = new CatalogModelPriceResolver(
			List.of(LiteLlmPriceFile.builtin()));

	private final LlmCostCalculator calculator = new LlmCostCalculator(Currency.getInstance("USD"));

	@Test
	void builtinCatalogShouldBeWhatTheGeneratorMakesOfLiteLlmsFile() throws IOException {
		String source = new ClassPathResource("litellm/model_prices_and_context_window.json")
			.getContentAsString(StandardCharsets.UTF_8);
		String builtin = new ClassPathResource("io/github/llmcost/pricing/litellm/builtin-prices.json")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(builtin).isEqualTo(BuiltinCatalogGenerator.generate(source));
		assertThat(builtin).contains("\"last_updated\": \"2026-07-24T18:23:43.215560+00:00\"");
	}

	@Test
	void builtinCatalogShouldHoldChatAndEmbeddingModelsOfEveryProviderSpringAiSupports() {
		List<String> providers = new ArrayList<>();
		LiteLlmPriceFile.builtin()
			.getEntries()
			.forEach((entry) -> providers.add(LITELLM.get(entry.name()).get("litellm_provider").asString()));
		assertThat(providers).contains("openai", "azure", "anthropic", "gemini", "vertex_ai-language-models",
				"vertex_ai-anthropic_models", "mistral", "deepseek", "bedrock", "bedrock_converse", "minimax",
				"moonshot", "zai");
		assertThat(LiteLlmPriceFile.builtin().getEntries()).hasSizeGreaterThan(800);
		assertThat(LiteLlmPriceFile.builtin().getSource()).isEqualTo("builtin");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("modelsAndUsages")
	void costShouldEqualCostFromLiteLlmPricesToTheLastDigit(String model, TokenUsage usage) {
		ResolvedPrice price = this.resolver.resolve(model);
		assertThat(price).isNotNull();
		assertThat(price.entry()).isEqualTo(model);
		LlmCost cost = this.calculator.calculate(usage, price.price());
		JsonNode entry = LITELLM.get(model);
		long threshold = tierThreshold(entry, usage.promptTokens());
		BigDecimal input = price(entry, "input_cost_per_token", threshold, null);
		BigDecimal output = price(entry, "output_cost_per_token", threshold, BigDecimal.ZERO);
		BigDecimal cacheRead = price(entry, "cache_read_input_token_cost", threshold, input);
		BigDecimal cacheWrite = price(entry, "cache_creation_input_token_cost", threshold, input);
		BigDecimal cacheWrite1h = price(entry, "cache_creation_input_token_cost_above_1hr", threshold, cacheWrite);
		BigDecimal cacheWrites = cacheWrite.multiply(BigDecimal.valueOf(usage.get(BillingDimension.CACHE_WRITE)))
			.add(cacheWrite1h.multiply(BigDecimal.valueOf(usage.get(BillingDimension.CACHE_WRITE_1H))));
		BigDecimal reasoning = price(entry, "output_cost_per_reasoning_token", threshold, output);
		BigDecimal perRequest = price(entry, "input_cost_per_request", 0, BigDecimal.ZERO);
		assertThat(cost.get(BillingDimension.INPUT))
			.isEqualByComparingTo(input.multiply(BigDecimal.valueOf(usage.get(BillingDimension.INPUT))));
		assertThat(cost.get(BillingDimension.CACHED_INPUT))
			.isEqualByComparingTo(cacheRead.multiply(BigDecimal.valueOf(usage.get(BillingDimension.CACHED_INPUT))));
		assertThat(cost.get(BillingDimension.CACHE_WRITE).add(cost.get(BillingDimension.CACHE_WRITE_1H)))
			.isEqualByComparingTo(cacheWrites);
		assertThat(cost.get(BillingDimension.OUTPUT))
			.isEqualByComparingTo(output.multiply(BigDecimal.valueOf(usage.get(BillingDimension.OUTPUT))));
		assertThat(cost.get(BillingDimension.REASONING))
			.isEqualByComparingTo(reasoning.multiply(BigDecimal.valueOf(usage.get(BillingDimension.REASONING))));
		assertThat(cost.total())
			.isEqualByComparingTo(input.multiply(BigDecimal.valueOf(usage.get(BillingDimension.INPUT)))
				.add(cacheRead.multiply(BigDecimal.valueOf(usage.get(BillingDimension.CACHED_INPUT))))
				.add(cacheWrites)
				.add(output.multiply(BigDecimal.valueOf(usage.get(BillingDimension.OUTPUT))))
				.add(reasoning.multiply(BigDecimal.valueOf(usage.get(BillingDimension.REASONING))))
				.add(perRequest));
		assertThat(cost.tier()).isEqualTo((threshold > 0) ? "above-" + threshold : "base");
	}

	@Test
	void shouldResolveDatedPrefixedAndBedrockNames() {
		assertThat(this.resolver.resolve("gpt-4o-2024-08-06").match()).isEqualTo(ResolvedPrice.Match.EXACT);
		ResolvedPrice prefixed = this.resolver.resolve("openai/gpt-4o");
		assertThat(prefixed.entry()).isEqualTo("gpt-4o");
		assertThat(prefixed.match()).isEqualTo(ResolvedPrice.Match.NORMALIZED);
		assertThat(this.resolver.resolve("us.anthropic.claude-sonnet-4-20250514-v1:0").entry())
			.isEqualTo("us.anthropic.claude-sonnet-4-20250514-v1:0");
		assertThat(this.resolver.resolve("claude-sonnet-4-20250514").entry()).isEqualTo("claude-sonnet-4-20250514");
		assertThat(this.resolver.resolve("eu.anthropic.claude-sonnet-4-20250514-v1:0")).isNotNull();
		assertThat(this.resolver.resolve("mystery-model-9000")).isNull();
	}

	@Test
	void shouldPreferTheVendorsEntryOverAHostsAndACloudsOverItsRegions() {
		// azure/mistral-large-latest is 8/24 per million, Mistral's own 0.50/1.50
		assertThat(this.resolver.resolve("mistral-large-latest").entry()).isEqualTo("mistral/mistral-large-latest");
		// codestral/codestral-latest is a free beta endpoint at zero
		assertThat(this.resolver.resolve("codestral-latest").entry()).isEqualTo("mistral/codestral-latest");
		assertThat(this.resolver.resolve("minimax-m2.1").entry()).isEqualTo("minimax/MiniMax-M2.1");
		assertThat(this.resolver.resolve("llama3-70b-instruct").entry()).isEqualTo("meta.llama3-70b-instruct-v1:0");
	}

	@Test
	void shouldPriceLongGeminiPromptAtItsTier() {
		ResolvedPrice price = this.resolver.resolve("gemini-2.5-pro");
		// 250,000 prompt tokens: above the 200k threshold, so 2.50 instead of 1.25 per
		// million input tokens, and 15.00 instead of 10.00 per million output tokens
		LlmCost cost = this.calculator.calculate(Usages.tokens(250_000, 0, 0, 1000, 0), price.price());
		assertThat(cost.tier()).isEqualTo("above-200000");
		assertThat(cost.get(BillingDimension.INPUT)).isEqualByComparingTo("0.625");
		assertThat(cost.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.015");
		LlmCost shortPrompt = this.calculator.calculate(Usages.tokens(150_000, 0, 0, 1000, 0), price.price());
		assertThat(shortPrompt.get(BillingDimension.INPUT)).isEqualByComparingTo("0.1875");
	}

	static Stream<Arguments> modelsAndUsages() {
		return MODELS.stream().flatMap((model) -> USAGES.stream().map((usage) -> Arguments.of(model, usage)));
	}

	private static long tierThreshold(JsonNode entry, long promptTokens) {
		long threshold = 0;
		for (String field : entry.propertyNames()) {
			Matcher matcher = TIER.matcher(field);
			if (matcher.find() && isTokenPrice(field.substring(0, matcher.start()))) {
				long candidate = Long.parseLong(matcher.group(1)) * 1000;
				if (promptTokens > candidate && candidate > threshold) {
					threshold = candidate;
				}
			}
		}
		return threshold;
	}

	private static boolean isTokenPrice(String field) {
		return List
			.of("input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost",
					"cache_creation_input_token_cost", "cache_creation_input_token_cost_above_1hr",
					"output_cost_per_reasoning_token")
			.contains(field);
	}

	private static BigDecimal price(JsonNode entry, String field, long threshold, BigDecimal fallback) {
		if (threshold > 0) {
			JsonNode tiered = entry.get(field + "_above_" + (threshold / 1000) + "k_tokens");
			if (tiered != null) {
				return tiered.decimalValue();
			}
		}
		JsonNode base = entry.get(field);
		return (base != null) ? base.decimalValue() : fallback;
	}

	private static JsonNode readLiteLlmFile() {
		try {
			return JsonMapper.builder()
				.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.build()
				.readTree(new ClassPathResource("litellm/model_prices_and_context_window.json")
					.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
