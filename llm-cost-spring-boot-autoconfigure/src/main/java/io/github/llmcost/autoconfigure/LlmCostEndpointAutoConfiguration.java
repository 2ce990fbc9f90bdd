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

import java.time.Clock;

import io.github.llmcost.actuate.LlmCostEndpoint;
import io.github.llmcost.actuate.LlmCostTotals;
import io.github.llmcost.budget.BudgetForecasts;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.pricing.ModelPriceResolver;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code llmcost} actuator endpoint and the totals it shows.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ ChatClient.class, Endpoint.class })
@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(LlmCostEndpoint.class)
public final class LlmCostEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LlmCostTotals llmCostTotals(LlmCostProperties properties) {
		return new LlmCostTotals(Clock.systemUTC(), properties.getCurrency());
	}

	@Bean
	@ConditionalOnMissingBean
	LlmCostEndpoint llmCostEndpoint(LlmCostTotals totals, ModelPriceResolver priceResolver,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<BudgetForecasts> forecasts,
			LlmCostProperties properties) {
		return new LlmCostEndpoint(totals, priceResolver, budgetGuard.getIfAvailable(), forecasts.getIfAvailable(),
				properties.getCurrency());
	}

}
