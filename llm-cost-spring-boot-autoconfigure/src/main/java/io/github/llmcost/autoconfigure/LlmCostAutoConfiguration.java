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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.advisor.LlmCostConversationAdvisor;
import io.github.llmcost.anomaly.AnomalySettings;
import io.github.llmcost.anomaly.SpendMonitor;
import io.github.llmcost.anomaly.SpendRateRecorder;
import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.attribution.LlmCostTagContributor;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetForecasts;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetStore;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.budget.LazyTokenCountEstimator;
import io.github.llmcost.budget.redis.RedisBudgetStore;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.metrics.BudgetMetrics;
import io.github.llmcost.model.ChatModelCoverage;
import io.github.llmcost.model.LlmCostChatObservationHandler;
import io.github.llmcost.model.LlmCostEmbeddingObservationHandler;
import io.github.llmcost.model.LlmCostImageObservationHandler;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.recording.PricedCallListener;
import io.github.llmcost.usage.AnthropicUsageNormalizer;
import io.github.llmcost.usage.GoogleGenAiUsageNormalizer;
import io.github.llmcost.usage.OpenAiUsageNormalizer;
import io.github.llmcost.usage.UsageEstimator;
import io.github.llmcost.usage.UsageNormalizer;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * Auto-configuration of llm-cost: prices and an {@link LlmCostAdvisor} added to every
 * auto-configured {@code ChatClient.Builder}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmCostProperties.class)
public final class LlmCostAutoConfiguration {

	private static final String REDIS_TEMPLATE = "org.springframework.data.redis.core.StringRedisTemplate";

	private static final String TOKENIZER = "llmCostTokenCountEstimator";

	@Bean
	@ConditionalOnMissingBean(ModelPriceResolver.class)
	PropertiesModelPriceResolver modelPriceResolver(LlmCostProperties properties) {
		return new PropertiesModelPriceResolver(properties.getPricing());
	}

	@Bean
	@ConditionalOnMissingBean
	AttributionPolicy llmCostAttributionPolicy(LlmCostProperties properties,
			ObjectProvider<LlmCostTagContributor> tagContributors) {
		LlmCostProperties.Attribution attribution = properties.getAttribution();
		return new AttributionPolicy(tagContributors.orderedStream().toList(), attribution.getMetricTags(),
				attribution.getMaxValuesPerTag());
	}

	// shared by the budget and embedding estimates; not a default candidate, so that it
	// never competes with a TokenCountEstimator of the application's
	@Bean(name = TOKENIZER, defaultCandidate = false)
	LazyTokenCountEstimator llmCostTokenCountEstimator() {
		return new LazyTokenCountEstimator();
	}

	@Bean
	@ConditionalOnMissingBean
	BudgetGuard llmCostBudgetGuard(LlmCostProperties properties, BudgetStore budgetStore,
			ModelPriceResolver priceResolver, ApplicationEventPublisher eventPublisher,
			@Qualifier(TOKENIZER) TokenCountEstimator tokenizer) {
		LlmCostProperties.Budget budget = properties.getBudget();
		List<Budget> budgets = new ArrayList<>();
		budget.getLimits().forEach((name, limit) -> {
			// LlmCostProperties.afterPropertiesSet() has checked that the amount is set
			BigDecimal amount = Objects.requireNonNull(limit.getAmount());
			budgets.add(new Budget(name, amount, limit.getPeriod(), limit.getZone(), limit.getPerTag(),
					limit.getModels(), limit.isEnforce(), limit.getAlertThresholds()));
		});
		CallCostEstimator estimator = new CallCostEstimator(priceResolver,
				new LlmCostCalculator(properties.getCurrency()), tokenizer, budget.getDefaultOutputTokens());
		return BudgetGuard.builder(budgetStore, estimator)
			.budgets(budgets)
			.failOpen(budget.isFailOpen())
			.maxCostPerCall(budget.getMaxCostPerCall())
			.reservationTimeout(budget.getReservationTimeout())
			.eventPublisher(eventPublisher)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	CallPricer llmCostCallPricer(ModelPriceResolver priceResolver, LlmCostProperties properties,
			ApplicationEventPublisher eventPublisher) {
		return CallPricer.builder(priceResolver)
			.currency(properties.getCurrency())
			.freeProviders(properties.getPricing().getFreeProviders())
			.eventPublisher(eventPublisher)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostRecorder llmCostRecorder(ObjectProvider<PricedCallListener> listeners) {
		return new LlmCostRecorder(listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostAdvisor llmCostAdvisor(CallPricer callPricer, LlmCostRecorder recorder, AttributionPolicy attributionPolicy,
			BudgetGuard budgetGuard, LlmCostProperties properties, UsageNormalizers usageNormalizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> customConvention, UsageEstimator usageEstimator) {
		return LlmCostAdvisor.builder(callPricer)
			.recorder(recorder)
			.usageNormalizers(usageNormalizers)
			.usageEstimator(usageEstimator)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(customConvention.getIfAvailable())
			.order(properties.getAdvisor().getOrder())
			.attributionPolicy(attributionPolicy)
			.budgetGuard(budgetGuard)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	UsageEstimator llmCostUsageEstimator(@Qualifier(TOKENIZER) TokenCountEstimator tokenizer) {
		return new UsageEstimator(tokenizer);
	}

	@Bean
	@ConditionalOnMissingBean
	UsageNormalizers llmCostUsageNormalizers(ObjectProvider<UsageNormalizer> usageNormalizers) {
		return new UsageNormalizers(usageNormalizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostChatObservationHandler llmCostChatObservationHandler(ObjectProvider<CallPricer> callPricer,
			ObjectProvider<LlmCostRecorder> recorder, ObjectProvider<UsageNormalizers> usageNormalizers,
			ObjectProvider<UsageEstimator> usageEstimator, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> customConvention) {
		LlmCostChatObservationHandler handler = new LlmCostChatObservationHandler(callPricer, recorder,
				usageNormalizers, attributionPolicy, budgetGuard, observationRegistry, customConvention);
		handler.setUsageEstimator(usageEstimator);
		return handler;
	}

	@Bean
	ChatModelCoverage llmCostChatModelCoverage(ListableBeanFactory beanFactory,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return new ChatModelCoverage(beanFactory, observationRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostEmbeddingObservationHandler llmCostEmbeddingObservationHandler(ObjectProvider<CallPricer> callPricer,
			ObjectProvider<LlmCostRecorder> recorder, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> customConvention,
			@Qualifier(TOKENIZER) TokenCountEstimator tokenizer) {
		return new LlmCostEmbeddingObservationHandler(callPricer, recorder, attributionPolicy, budgetGuard,
				observationRegistry, customConvention, tokenizer);
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostImageObservationHandler llmCostImageObservationHandler(ObjectProvider<CallPricer> callPricer,
			ObjectProvider<LlmCostRecorder> recorder, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> customConvention, ObjectProvider<ImageModel> imageModels) {
		return new LlmCostImageObservationHandler(callPricer, recorder, attributionPolicy, budgetGuard,
				observationRegistry, customConvention, imageModels);
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostConversationAdvisor llmCostConversationAdvisor() {
		return new LlmCostConversationAdvisor();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".advisor.auto-register",
			matchIfMissing = true)
	ChatClientBuilderCustomizer llmCostChatClientBuilderCustomizer(LlmCostAdvisor llmCostAdvisor,
			LlmCostConversationAdvisor llmCostConversationAdvisor) {
		return (builder) -> builder.defaultAdvisors(llmCostAdvisor, llmCostConversationAdvisor);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup")
	static class ModelObservationHandlerGroupConfiguration {

		@Bean
		static PricedModelObservationHandlerGroup llmCostModelObservationHandlerGroup() {
			return new PricedModelObservationHandlerGroup();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = LlmCostProperties.CONFIG_PREFIX + ".budget.store", havingValue = "memory",
			matchIfMissing = true)
	static class MemoryBudgetStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(BudgetStore.class)
		InMemoryBudgetStore llmCostBudgetStore() {
			return new InMemoryBudgetStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = LlmCostProperties.CONFIG_PREFIX + ".budget.store", havingValue = "redis")
	@ConditionalOnClass(name = REDIS_TEMPLATE)
	static class RedisBudgetStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(BudgetStore.class)
		RedisBudgetStore llmCostBudgetStore(ObjectProvider<StringRedisTemplate> redisTemplate,
				LlmCostProperties properties) {
			StringRedisTemplate template = redisTemplate.getIfAvailable();
			if (template == null) {
				throw new IllegalStateException(LlmCostProperties.CONFIG_PREFIX
						+ ".budget.store=redis needs a Redis connection: configure spring.data.redis.*");
			}
			return new RedisBudgetStore(template, properties.getBudget().getRedis().getKeyPrefix(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = LlmCostProperties.CONFIG_PREFIX + ".budget.store", havingValue = "redis")
	@ConditionalOnMissingClass(REDIS_TEMPLATE)
	static class MissingRedisBudgetStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(BudgetStore.class)
		BudgetStore llmCostBudgetStore() {
			throw new IllegalStateException(LlmCostProperties.CONFIG_PREFIX
					+ ".budget.store=redis needs Spring Data Redis: add spring-boot-starter-data-redis");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class BudgetMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BudgetMetrics llmCostBudgetMetrics(BudgetGuard budgetGuard, LlmCostProperties properties,
				ObjectProvider<BudgetForecasts> forecasts) {
			return new BudgetMetrics(budgetGuard, properties.getCurrency(), forecasts.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".anomaly.enabled", matchIfMissing = true)
	static class AnomalyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpendRateRecorder llmCostSpendRateRecorder() {
			return new SpendRateRecorder();
		}

		@Bean
		@ConditionalOnMissingBean
		SpendMonitor llmCostSpendMonitor(SpendRateRecorder recorder, LlmCostProperties properties,
				BudgetGuard budgetGuard, ApplicationEventPublisher eventPublisher,
				ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<TaskScheduler> taskScheduler) {
			LlmCostProperties.Anomaly anomaly = properties.getAnomaly();
			AnomalySettings settings = new AnomalySettings(anomaly.getInterval(), anomaly.getThreshold(),
					anomaly.getSustain(), anomaly.getWarmUp(), anomaly.getBaselineWindow(),
					anomaly.getMinSpendPerInterval());
			return new SpendMonitor(recorder, settings, budgetGuard, properties.getCurrency(), Clock.systemUTC(),
					eventPublisher, meterRegistry.getIfUnique(), taskScheduler.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.openai.models.completions.CompletionUsage")
	static class OpenAiUsageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenAiUsageNormalizer openAiUsageNormalizer() {
			return new OpenAiUsageNormalizer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.anthropic.models.messages.Usage")
	static class AnthropicUsageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AnthropicUsageNormalizer anthropicUsageNormalizer() {
			return new AnthropicUsageNormalizer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.google.genai.types.GenerateContentResponseUsageMetadata")
	static class GoogleGenAiUsageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GoogleGenAiUsageNormalizer googleGenAiUsageNormalizer() {
			return new GoogleGenAiUsageNormalizer();
		}

	}

}
