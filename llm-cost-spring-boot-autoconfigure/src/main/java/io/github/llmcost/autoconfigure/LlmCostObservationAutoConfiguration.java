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

import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.observation.LlmCostTracingObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the meters of priced calls ({@code llm.tokens}, {@code llm.cost},
 * {@code llm.call.cost}), fed by the recorder, and of the handler that puts token and
 * cost attributes on {@code llm.call} spans.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
// CompositeMeterRegistryAutoConfiguration declares the MeterRegistry bean that the
// meter handler is conditional on
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ ChatClient.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = LlmCostProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
public final class LlmCostObservationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MeterRegistry.class)
	static class MeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LlmCostMeterRecorder llmCostMeterRecorder(MeterRegistry meterRegistry) {
			return new LlmCostMeterRecorder(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TracingObservationHandler.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LlmCostTracingObservationHandler llmCostTracingObservationHandler() {
			return new LlmCostTracingObservationHandler();
		}

	}

}
