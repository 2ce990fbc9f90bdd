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

import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.attribution.LlmCostTagContributor;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.usage.AnthropicUsageNormalizer;
import io.github.llmcost.usage.OpenAiUsageNormalizer;
import io.github.llmcost.usage.UsageNormalizer;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	@ConditionalOnMissingBean
	LlmCostAdvisor llmCostAdvisor(ModelPriceResolver priceResolver, AttributionPolicy attributionPolicy,
			LlmCostProperties properties, ObjectProvider<UsageNormalizer> usageNormalizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> customConvention, ApplicationEventPublisher eventPublisher) {
		return LlmCostAdvisor.builder(priceResolver)
			.currency(properties.getCurrency())
			.usageNormalizers(new UsageNormalizers(usageNormalizers.orderedStream().toList()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(customConvention.getIfAvailable())
			.order(properties.getAdvisor().getOrder())
			.eventPublisher(eventPublisher)
			.attributionPolicy(attributionPolicy)
			.build();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".advisor.auto-register",
			matchIfMissing = true)
	ChatClientBuilderCustomizer llmCostChatClientBuilderCustomizer(LlmCostAdvisor llmCostAdvisor) {
		return (builder) -> builder.defaultAdvisors(llmCostAdvisor);
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

}
