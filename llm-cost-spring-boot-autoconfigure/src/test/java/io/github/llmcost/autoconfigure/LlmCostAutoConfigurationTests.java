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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import com.google.genai.types.GenerateContentResponseUsageMetadata;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.advisor.LlmCostConversationAdvisor;
import io.github.llmcost.anomaly.SpendMonitor;
import io.github.llmcost.anomaly.SpendRateRecorder;
import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.attribution.LlmCostTagContributor;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetClaim;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.BudgetStore;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.budget.LazyTokenCountEstimator;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.metrics.BudgetMetrics;
import io.github.llmcost.model.LlmCostChatObservationHandler;
import io.github.llmcost.model.LlmCostEmbeddingObservationHandler;
import io.github.llmcost.model.LlmCostImageObservationHandler;
import io.github.llmcost.observation.DefaultLlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostTracingObservationHandler;
import io.github.llmcost.pricing.LlmUnpricedModelEvent;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.AnthropicUsageNormalizer;
import io.github.llmcost.usage.GoogleGenAiUsageNormalizer;
import io.github.llmcost.usage.OpenAiUsageNormalizer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link LlmCostAutoConfiguration}, with
 * {@link LlmCostObservationAutoConfiguration} beside it as in an application.
 *
 * @author llm-cost contributors
 */
class LlmCostAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmCostAutoConfiguration.class, LlmCostObservationAutoConfiguration.class));

	@Test
	void shouldSupplyDefaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PropertiesModelPriceResolver.class);
			assertThat(context).hasSingleBean(LlmCostAdvisor.class);
			assertThat(context).hasSingleBean(ChatClientBuilderCustomizer.class);
			assertThat(context).hasSingleBean(OpenAiUsageNormalizer.class);
			assertThat(context).hasSingleBean(AnthropicUsageNormalizer.class);
			assertThat(context).hasSingleBean(GoogleGenAiUsageNormalizer.class);
			assertThat(context).hasSingleBean(LlmCostTracingObservationHandler.class);
			assertThat(context).hasSingleBean(LlmCostChatObservationHandler.class);
			assertThat(context).hasSingleBean(LlmCostConversationAdvisor.class);
			assertThat(context.getBean(LlmCostAdvisor.class).getOrder()).isEqualTo(LlmCostAdvisor.DEFAULT_ORDER);
		});
	}

	@Test
	void shouldAddTheAdvisorInsideAndTheConversationAdvisorOutsideTheToolLoop() {
		this.contextRunner.run((context) -> {
			ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
			context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
			LlmCostAdvisor advisor = context.getBean(LlmCostAdvisor.class);
			LlmCostConversationAdvisor conversationAdvisor = context.getBean(LlmCostConversationAdvisor.class);
			assertThat(conversationAdvisor.getOrder()).isLessThan(ToolCallingAdvisor.DEFAULT_ORDER);
			assertThat(advisor.getOrder()).isGreaterThan(ToolCallingAdvisor.DEFAULT_ORDER);
			ChatClientResponse response = builder.build().prompt().user("Hi").call().chatClientResponse();
			assertThat(response.context()).containsKeys(LlmCostAdvisor.USAGE_CONTEXT_KEY,
					LlmCostConversationAdvisor.ROUNDS_CONTEXT_KEY);
		});
	}

	@Test
	void shouldBackOffGoogleGenAiUsageNormalizerWithoutGoogleGenAiSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GenerateContentResponseUsageMetadata.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(GoogleGenAiUsageNormalizer.class);
				assertThat(context).hasSingleBean(OpenAiUsageNormalizer.class);
			});
	}

	@Test
	void backsOffWhenUserDefinesModelPriceResolver() {
		this.contextRunner.withUserConfiguration(CustomPriceResolverConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(PropertiesModelPriceResolver.class);
			assertThat(context).hasSingleBean(ModelPriceResolver.class);
		});
	}

	@Test
	void backsOffWhenUserDefinesLlmCostAdvisor() {
		this.contextRunner.withUserConfiguration(CustomAdvisorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(LlmCostAdvisor.class);
			assertThat(context.getBean(LlmCostAdvisor.class).getOrder()).isEqualTo(7);
		});
	}

	@Test
	void shouldBeDisabledByProperty() {
		this.contextRunner.withPropertyValues("llm-cost.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LlmCostAdvisor.class);
			assertThat(context).doesNotHaveBean(ChatClientBuilderCustomizer.class);
			assertThat(context).doesNotHaveBean(LlmCostTracingObservationHandler.class);
		});
	}

	@Test
	void shouldBackOffWithoutSpringAi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ChatClient.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(LlmCostAdvisor.class);
			assertThat(context).doesNotHaveBean(LlmCostProperties.class);
		});
	}

	@Test
	void shouldNotRegisterCustomizerWhenAutoRegisterIsOff() {
		this.contextRunner.withPropertyValues("llm-cost.advisor.auto-register=false").run((context) -> {
			assertThat(context).hasSingleBean(LlmCostAdvisor.class);
			assertThat(context).doesNotHaveBean(ChatClientBuilderCustomizer.class);
		});
	}

	@Test
	void customizerShouldAddAdvisorThatPricesCalls() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50",
					"llm-cost.pricing.models.[gpt-4o].output=10.00")
			.run((context) -> {
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("llm.call")
					.that()
					.hasLowCardinalityKeyValue("llm.priced", "true")
					.hasHighCardinalityKeyValue("llm.pricing.entry", "gpt-4o");
			});
	}

	@Test
	void shouldUseNoopObservationRegistryWhenNoneIsDefined() {
		this.contextRunner.run((context) -> {
			ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
			context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
			assertThat(builder.build().prompt().user("Hi").call().content()).isEqualTo("Hello");
		});
	}

	@Test
	void shouldUseCustomObservationConvention() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(LlmCostObservationConvention.class, CustomConvention::new)
			.run((context) -> {
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("custom.llm.call");
			});
	}

	@Test
	void shouldApplyAdvisorOrderProperty() {
		this.contextRunner.withPropertyValues("llm-cost.advisor.order=1000")
			.run((context) -> assertThat(context.getBean(LlmCostAdvisor.class).getOrder()).isEqualTo(1000));
	}

	@Test
	void shouldBindCurrencyAndPrices() {
		this.contextRunner.withPropertyValues("llm-cost.currency=EUR", "llm-cost.pricing.per-tokens=1000",
				"llm-cost.pricing.models.[gpt-4o-mini].input=0.15", "llm-cost.pricing.models.[gpt-4o-mini].output=0.60",
				"llm-cost.pricing.models.[gpt-4o-mini].per-request=0.001")
			.run((context) -> {
				LlmCostProperties properties = context.getBean(LlmCostProperties.class);
				assertThat(properties.getCurrency()).isEqualTo(Currency.getInstance("EUR"));
				LlmCostProperties.ModelPricing pricing = properties.getPricing().getModels().get("gpt-4o-mini");
				assertThat(pricing.getInput()).isEqualTo(new BigDecimal("0.15"));
				assertThat(pricing.getPerRequest()).isEqualTo(new BigDecimal("0.001"));
				ResolvedPrice price = context.getBean(ModelPriceResolver.class).resolve("GPT-4o-Mini");
				assertThat(price.entry()).isEqualTo("gpt-4o-mini");
				assertThat(price.source()).isEqualTo("property");
				assertThat(price.price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.00015");
				assertThat(price.price().get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.00015");
				assertThat(price.price().get(BillingDimension.REASONING)).isEqualByComparingTo("0.0006");
			});
	}

	@Test
	void shouldFailOnNegativePriceNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50",
					"llm-cost.pricing.models.[gpt-4o].output=10", "llm-cost.pricing.models.[gpt-4o].cached-input=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.models.[gpt-4o].cached-input must not be negative, was -1"));
	}

	@Test
	void shouldFailOnMissingOutputPriceNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("llm-cost.pricing.models.[gpt-4o].output must be set"));
	}

	@Test
	void shouldPriceImageModelPerImageWithoutTokenPrices() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.models.[dall-e-3].per-image=0.05").run((context) -> {
			ResolvedPrice price = context.getBean(ModelPriceResolver.class)
				.resolveFirst(List.of("hd/1024-x-1792/dall-e-3", "dall-e-3"), (candidate) -> true);
			assertThat(price.source()).isEqualTo("property");
			assertThat(price.price().perImage()).isEqualByComparingTo("0.05");
			assertThat(price.price().get(BillingDimension.INPUT)).isZero();
			assertThat(price.price().get(BillingDimension.OUTPUT)).isZero();
		});
	}

	@Test
	void shouldFailOnNegativePerImagePriceNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.models.[dall-e-3].per-image=-0.05")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.models.[dall-e-3].per-image must not be negative, was -0.05"));
	}

	@Test
	void shouldSupplyEmbeddingAndImageHandlersInAGroupOfTheirOwn() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LlmCostEmbeddingObservationHandler.class)
			.hasSingleBean(LlmCostImageObservationHandler.class)
			.hasSingleBean(PricedModelObservationHandlerGroup.class));
	}

	@Test
	void shouldFailOnZeroPerTokensNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.per-tokens=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.per-tokens must be positive, was 0"));
	}

	@Test
	void shouldFailOnUnknownCurrencyNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.currency=XYZ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'llm-cost.currency' to java.util.Currency"));
	}

	@Test
	void shouldFailOnModelsDifferingOnlyInCase() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=1", "llm-cost.pricing.models.[gpt-4o].output=1",
					"llm-cost.pricing.models.[GPT-4o].input=2", "llm-cost.pricing.models.[GPT-4o].output=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("duplicates")
				.hasMessageContaining("case-insensitively"));
	}

	@Test
	void shouldFallBackToBuiltinCatalogForModelsWithoutEntry() {
		this.contextRunner.run((context) -> {
			ResolvedPrice price = context.getBean(ModelPriceResolver.class).resolve("gpt-4o-2024-08-06", "gpt-4o");
			assertThat(price.source()).isEqualTo("builtin");
			assertThat(price.entry()).isEqualTo("gpt-4o-2024-08-06");
		});
	}

	@Test
	void userEntryShouldWinOverCatalogEvenForTheRequestModel() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.00",
					"llm-cost.pricing.models.[gpt-4o].output=8.00")
			.run((context) -> {
				ResolvedPrice price = context.getBean(ModelPriceResolver.class).resolve("gpt-4o-2024-08-06", "gpt-4o");
				assertThat(price.source()).isEqualTo("property");
				assertThat(price.price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.000002");
			});
	}

	@Test
	void shouldResolveUserAliasesAndPatterns() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[negotiated].input=1.00",
					"llm-cost.pricing.models.[negotiated].output=4.00",
					"llm-cost.pricing.models.[negotiated].aliases[0]=my-azure-deployment",
					"llm-cost.pricing.models.[negotiated].aliases[1]=team-*-gpt")
			.run((context) -> {
				ModelPriceResolver resolver = context.getBean(ModelPriceResolver.class);
				assertThat(resolver.resolve("my-azure-deployment").entry()).isEqualTo("negotiated");
				assertThat(resolver.resolve("team-search-gpt").match()).isEqualTo(ResolvedPrice.Match.ALIAS);
				assertThat(resolver.resolve("mystery-model")).isNull();
			});
	}

	@Test
	void shouldBindTiersInheritingBasePrices() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[long-model].input=3.00",
					"llm-cost.pricing.models.[long-model].output=15.00",
					"llm-cost.pricing.models.[long-model].cached-input=0.30",
					"llm-cost.pricing.models.[long-model].tiers[0].above-input-tokens=200000",
					"llm-cost.pricing.models.[long-model].tiers[0].input=6.00")
			.run((context) -> {
				ModelPrice price = context.getBean(ModelPriceResolver.class).resolve("long-model").price();
				assertThat(price.tierFor(200_001).price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.000006");
				assertThat(price.tierFor(200_001).price().get(BillingDimension.OUTPUT))
					.isEqualByComparingTo("0.000015");
				assertThat(price.tierFor(200_001).price().get(BillingDimension.CACHED_INPUT))
					.isEqualByComparingTo("0.0000003");
			});
	}

	@Test
	void shouldListOllamaAsFreeProviderByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(LlmCostProperties.class).getPricing().getFreeProviders())
				.containsExactly("ollama"));
	}

	@Test
	void shouldNotUseBuiltinCatalogWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.catalog.builtin=false")
			.run((context) -> assertThat(context.getBean(ModelPriceResolver.class).resolve("gpt-4o")).isNull());
	}

	@Test
	void shouldReadCatalogLocationBeforeBuiltinCatalog() {
		this.contextRunner
			.withPropertyValues(
					"llm-cost.pricing.catalog.location=classpath:litellm/model_prices_and_context_window.json")
			.run((context) -> {
				ModelPriceResolver resolver = context.getBean(ModelPriceResolver.class);
				assertThat(resolver.resolve("gpt-4o").source()).isEqualTo("file");
				// only in LiteLLM's full file, not in the built-in subset
				assertThat(resolver.resolve("fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct"))
					.isNotNull();
			});
	}

	@Test
	void shouldFailOnUnreadableCatalogNamingKeyAndFile() {
		this.contextRunner.withPropertyValues("llm-cost.pricing.catalog.location=file:/no/such/prices.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"llm-cost.pricing.catalog.location: Cannot read price file URL [file:/no/such/prices.json]"));
	}

	@Test
	void shouldFailOnNonPositiveTierThresholdNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[m].input=1", "llm-cost.pricing.models.[m].output=1",
					"llm-cost.pricing.models.[m].tiers[0].above-input-tokens=0",
					"llm-cost.pricing.models.[m].tiers[0].input=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.models.[m].tiers[0].above-input-tokens must be positive, was 0"));
	}

	@Test
	void shouldFailOnTiersWithTheSameThresholdNamingTheKeys() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[m].input=1", "llm-cost.pricing.models.[m].output=1",
					"llm-cost.pricing.models.[m].tiers[0].above-input-tokens=1000",
					"llm-cost.pricing.models.[m].tiers[1].above-input-tokens=1000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.models.[m].tiers[1].above-input-tokens duplicates"
						+ " llm-cost.pricing.models.[m].tiers[0]: both are 1000"));
	}

	@Test
	void shouldFailOnMalformedAliasPatternNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[m].input=1", "llm-cost.pricing.models.[m].output=1",
					"llm-cost.pricing.models.[m].aliases[0]=gpt-[4o")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"llm-cost.pricing.models.[m].aliases[0] is not a valid pattern: unclosed '['"));
	}

	@Test
	void shouldFailOnNegativeTierPriceNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[m].input=1", "llm-cost.pricing.models.[m].output=1",
					"llm-cost.pricing.models.[m].tiers[0].above-input-tokens=1000",
					"llm-cost.pricing.models.[m].tiers[0].output=-5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.pricing.models.[m].tiers[0].output must not be negative, was -5"));
	}

	@Test
	void shouldPublishUnpricedModelEventOncePerModel() {
		this.contextRunner.withUserConfiguration(UnpricedEventsConfiguration.class)
			.withPropertyValues("llm-cost.pricing.catalog.builtin=false")
			.run((context) -> {
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				ChatClient chatClient = builder.build();
				chatClient.prompt().user("Hi").call().content();
				chatClient.prompt().user("Hi again").call().content();
				List<LlmUnpricedModelEvent> events = context.getBean(UnpricedEventsConfiguration.class).events;
				assertThat(events).singleElement().satisfies((event) -> {
					assertThat(event.getModel()).isEqualTo("gpt-4o");
					assertThat(event.getRequestModel()).isEqualTo("gpt-4o");
				});
			});
	}

	@Test
	void shouldPriceModelWhosePriceIsExplicitlyZero() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=0", "llm-cost.pricing.models.[gpt-4o].output=0")
			.run((context) -> {
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("llm.call")
					.that()
					.hasLowCardinalityKeyValue("llm.priced", "true");
			});
	}

	@Test
	void shouldApplyAttributionPropertiesAndContributors() {
		this.contextRunner
			.withPropertyValues("llm-cost.attribution.metric-tags=tenant", "llm-cost.attribution.max-values-per-tag=5")
			.withBean(LlmCostTagContributor.class, () -> (request) -> Map.of("tenant", "acme"))
			.run((context) -> {
				AttributionPolicy policy = context.getBean(AttributionPolicy.class);
				assertThat(policy.getMetricTags()).containsExactly("tenant");
				ChatClientRequest request = ChatClientRequest.builder().prompt(new Prompt("Hi")).build();
				assertThat(policy.attribute(request).metricTags()).containsExactly(Map.entry("tenant", "acme"));
			});
	}

	@Test
	void shouldDefaultMetricTagsToFeatureAndTeam() {
		this.contextRunner.run((context) -> assertThat(context.getBean(AttributionPolicy.class).getMetricTags())
			.containsExactly("feature", "team"));
	}

	@Test
	void shouldFailOnMetricTagClashingWithMeterTagsNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.attribution.metric-tags=feature,gen_ai.request.model")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.attribution.metric-tags[1] 'gen_ai.request.model' clashes with a tag of"
						+ " llm-cost's meters"));
	}

	@Test
	void shouldFailOnNonPositiveMaxValuesPerTagNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.attribution.max-values-per-tag=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.attribution.max-values-per-tag must be positive, was 0"));
	}

	@Test
	void shouldSupplyMemoryBudgetStoreAndGuardByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryBudgetStore.class);
			assertThat(context).hasSingleBean(BudgetMetrics.class);
			assertThat(context.getBean(BudgetGuard.class).isActive()).isFalse();
		});
	}

	@Test
	void shouldCreateNoTokenizerWithoutBudgets() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50",
					"llm-cost.pricing.models.[gpt-4o].output=10.00")
			.run((context) -> {
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(context.getBean(LazyTokenCountEstimator.class).isInitialized()).isFalse();
			});
	}

	@Test
	void shouldCreateTokenizerOnTheFirstCallThatABudgetEstimates() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50",
					"llm-cost.pricing.models.[gpt-4o].output=10.00", "llm-cost.budget.limits.daily.amount=10")
			.run((context) -> {
				LazyTokenCountEstimator tokenizer = context.getBean(LazyTokenCountEstimator.class);
				assertThat(tokenizer.isInitialized()).isFalse();
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(tokenizer.isInitialized()).isTrue();
			});
	}

	@Test
	void shouldCreateTokenizerOnTheFirstCallWithAMaximumCostPerCall() {
		this.contextRunner
			.withPropertyValues("llm-cost.pricing.models.[gpt-4o].input=2.50",
					"llm-cost.pricing.models.[gpt-4o].output=10.00", "llm-cost.budget.max-cost-per-call=1")
			.run((context) -> {
				LazyTokenCountEstimator tokenizer = context.getBean(LazyTokenCountEstimator.class);
				assertThat(tokenizer.isInitialized()).isFalse();
				ChatClient.Builder builder = ChatClient.builder(new FixedChatModel());
				context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
				builder.build().prompt().user("Hi").call().content();
				assertThat(tokenizer.isInitialized()).isTrue();
			});
	}

	@Test
	void shouldBindBudgetLimits() {
		this.contextRunner
			.withPropertyValues("llm-cost.budget.limits.per-user.amount=2.50",
					"llm-cost.budget.limits.per-user.period=week", "llm-cost.budget.limits.per-user.zone=Europe/Paris",
					"llm-cost.budget.limits.per-user.per-tag=user", "llm-cost.budget.limits.per-user.models=gpt-4o*,o3",
					"llm-cost.budget.limits.per-user.enforce=false",
					"llm-cost.budget.limits.per-user.alert-thresholds=0.9,1", "llm-cost.budget.max-cost-per-call=0.50")
			.run((context) -> {
				BudgetGuard guard = context.getBean(BudgetGuard.class);
				assertThat(guard.isActive()).isTrue();
				assertThat(guard.getBudgets()).singleElement().satisfies((budget) -> {
					assertThat(budget.name()).isEqualTo("per-user");
					assertThat(budget.amount()).isEqualByComparingTo("2.50");
					assertThat(budget.period()).isEqualTo(BudgetPeriod.WEEK);
					assertThat(budget.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
					assertThat(budget.perTag()).isEqualTo("user");
					assertThat(budget.models()).containsExactly("gpt-4o*", "o3");
					assertThat(budget.enforce()).isFalse();
					assertThat(budget.alertThresholds()).containsExactly(0.9, 1.0);
				});
			});
	}

	@Test
	void shouldFailOnUnknownBudgetPeriodNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.budget.limits.daily.amount=1",
					"llm-cost.budget.limits.daily.period=fortnight")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'llm-cost.budget.limits.daily.period'"));
	}

	@Test
	void shouldFailOnAlertThresholdOutsideRangeNamingTheKey() {
		this.contextRunner
			.withPropertyValues("llm-cost.budget.limits.daily.amount=1",
					"llm-cost.budget.limits.daily.alert-thresholds=0.5,1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.budget.limits.daily.alert-thresholds[1] must be in (0, 1], was 1.5"));
	}

	@Test
	void shouldFailOnBudgetWithoutAmountNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.budget.limits.daily.period=day")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.budget.limits.daily.amount must be set"));
	}

	@Test
	void shouldFailOnRedisStoreWithoutSpringDataRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
			.withPropertyValues("llm-cost.budget.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"llm-cost.budget.store=redis needs Spring Data Redis: add spring-boot-starter-data-redis"));
	}

	@Test
	void shouldFailOnRedisStoreWithoutRedisConnection() {
		this.contextRunner.withPropertyValues("llm-cost.budget.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("llm-cost.budget.store=redis needs a Redis connection"));
	}

	@Test
	void shouldSupplySpendMonitorWithPropertiesAndBackOffWhenDisabled() {
		this.contextRunner.withPropertyValues("llm-cost.anomaly.interval=30s", "llm-cost.anomaly.threshold=5")
			.run((context) -> {
				assertThat(context).hasSingleBean(SpendRateRecorder.class);
				assertThat(context).hasSingleBean(SpendMonitor.class);
				assertThat(context.getBean(SpendMonitor.class).isRunning()).isTrue();
			});
		this.contextRunner.withPropertyValues("llm-cost.anomaly.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SpendRateRecorder.class);
			assertThat(context).doesNotHaveBean(SpendMonitor.class);
		});
	}

	@Test
	void shouldRunSpendMonitorOnTheApplicationsTaskSchedulerUntilClose() {
		ReadRecordingBudgetStore store = new ReadRecordingBudgetStore();
		AtomicReference<SpendMonitor> monitor = new AtomicReference<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(SchedulingConfiguration.class)
			.withBean(BudgetStore.class, () -> store)
			.withPropertyValues("llm-cost.anomaly.interval=20ms", "llm-cost.budget.limits.daily.amount=10")
			.run((context) -> {
				assertThat(context).hasSingleBean(TaskScheduler.class).hasBean("taskScheduler");
				monitor.set(context.getBean(SpendMonitor.class));
				assertThat(monitor.get().isRunning()).isTrue();
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !store.readers.isEmpty());
				assertThat(store.readers)
					.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("scheduling-"));
			});
		assertThat(monitor.get().isRunning()).isFalse();
	}

	@Test
	void shouldScheduleSpendMonitorOnTheApplicationsSchedulerAndCancelItsTaskOnClose() {
		TaskScheduler scheduler = mock(TaskScheduler.class);
		ScheduledFuture<?> task = mock(ScheduledFuture.class);
		given(scheduler.getClock()).willReturn(Clock.systemUTC());
		given(scheduler.scheduleAtFixedRate(any(Runnable.class), any(Instant.class), any(Duration.class)))
			.willAnswer((invocation) -> task);
		this.contextRunner.withBean(TaskScheduler.class, () -> scheduler)
			.withPropertyValues("llm-cost.anomaly.interval=30s")
			.run((context) -> {
				then(scheduler).should()
					.scheduleAtFixedRate(any(Runnable.class), any(Instant.class), eq(Duration.ofSeconds(30)));
				then(task).should(never()).cancel(anyBoolean());
			});
		then(task).should().cancel(false);
	}

	@Test
	void shouldRunSpendMonitorOnAThreadOfItsOwnWithoutTaskSchedulerAndStopItOnClose() {
		ReadRecordingBudgetStore store = new ReadRecordingBudgetStore();
		AtomicReference<SpendMonitor> monitor = new AtomicReference<>();
		this.contextRunner.withBean(BudgetStore.class, () -> store)
			.withPropertyValues("llm-cost.anomaly.interval=20ms", "llm-cost.budget.limits.daily.amount=10")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TaskScheduler.class);
				monitor.set(context.getBean(SpendMonitor.class));
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !store.readers.isEmpty());
				assertThat(store.readers)
					.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("llm-cost-spend-monitor-"));
			});
		assertThat(monitor.get().isRunning()).isFalse();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(store.readers).noneMatch(Thread::isAlive));
	}

	@Test
	void shouldFailOnBaselineWindowShorterThanIntervalNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.anomaly.interval=5m", "llm-cost.anomaly.baseline-window=1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.anomaly.baseline-window must be at least the interval, was PT1M"));
	}

	@Test
	void shouldFailOnNonPositiveSustainNamingTheKey() {
		this.contextRunner.withPropertyValues("llm-cost.anomaly.sustain=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("llm-cost.anomaly.sustain must be at least 1, was 0"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UnpricedEventsConfiguration {

		final List<LlmUnpricedModelEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onUnpricedModel(LlmUnpricedModelEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingConfiguration {

	}

	/**
	 * A memory store that records the threads that read balances.
	 */
	static class ReadRecordingBudgetStore extends InMemoryBudgetStore {

		final List<Thread> readers = new CopyOnWriteArrayList<>();

		@Override
		public BudgetBalance balance(BudgetClaim claim) {
			this.readers.add(Thread.currentThread());
			return super.balance(claim);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomPriceResolverConfiguration {

		@Bean
		ModelPriceResolver customPriceResolver() {
			return (model) -> null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAdvisorConfiguration {

		@Bean
		LlmCostAdvisor customAdvisor() {
			return LlmCostAdvisor.builder(CallPricer.builder((model) -> null).build()).order(7).build();
		}

	}

	static class CustomConvention extends DefaultLlmCostObservationConvention {

		@Override
		public String getName() {
			return "custom.llm.call";
		}

	}

	/**
	 * A model that always answers "Hello" with some usage.
	 */
	static class FixedChatModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Hello"))),
					ChatResponseMetadata.builder().model("gpt-4o").usage(new DefaultUsage(10, 5)).build());
		}

		@Override
		public ChatOptions getOptions() {
			return ChatOptions.builder().model("gpt-4o").build();
		}

	}

}
