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
import java.util.List;

import io.github.llmcost.actuate.LlmCostEndpoint;
import io.github.llmcost.actuate.LlmCostEndpoint.LlmCostDescriptor;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.anomaly.SpendMonitor;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the features fed by the recorder (endpoint totals, budgets, meters, anomaly
 * detection and forecasts) work whether or not the {@code llm.call} observation is on.
 *
 * @author llm-cost contributors
 */
class ObservationIndependenceTests {

	// 1000 prompt tokens at 2.50 and 500 completion tokens at 10.00 per million
	private static final BigDecimal CALL_COST = new BigDecimal("0.0075");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmCostAutoConfiguration.class, LlmCostObservationAutoConfiguration.class,
				LlmCostEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmcost",
				"llm-cost.pricing.models.[gpt-4o].input=2.50", "llm-cost.pricing.models.[gpt-4o].output=10.00",
				"llm-cost.budget.limits.daily.amount=100", "llm-cost.anomaly.warm-up=3", "llm-cost.anomaly.sustain=1",
				"llm-cost.anomaly.min-spend-per-interval=0.001");

	@Test
	void shouldTotalBudgetMeterAndWatchSpendWithLlmCallObservationOff() {
		this.contextRunner.withPropertyValues("management.observations.enable.llm.call=false").run((context) -> {
			ChatClient chatClient = chatClient(context);
			SpendMonitor monitor = context.getBean(SpendMonitor.class);
			for (int interval = 0; interval < 3; interval++) {
				call(chatClient, 1);
				monitor.tick();
			}
			call(chatClient, 10);
			monitor.tick();
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			assertThat(meterRegistry.find("llm.call").meters()).as("the llm.call observation is off").isEmpty();
			BigDecimal spent = CALL_COST.multiply(BigDecimal.valueOf(13));
			LlmCostDescriptor descriptor = context.getBean(LlmCostEndpoint.class).llmCost();
			assertThat(descriptor.total().calls()).isEqualTo(13);
			assertThat(new BigDecimal(descriptor.total().cost().get("total"))).isEqualByComparingTo(spent);
			BudgetGuard guard = context.getBean(BudgetGuard.class);
			Budget daily = guard.getBudgets().get(0);
			BudgetBalance balance = guard.balance(daily);
			assertThat(balance).isNotNull();
			assertThat(balance.spent()).isEqualByComparingTo(spent);
			assertThat(meterRegistry.get("llm.cost").tag("llm.cost.type", "output").functionCounter().count())
				.isEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(13)).doubleValue());
			assertThat(monitor.getActiveAnomalies()).contains("model=gpt-4o");
			assertThat(monitor.forecast(daily)).isGreaterThan(spent);
		});
	}

	@Test
	void shouldRecordTheLlmCallObservationWhenItIsOn() {
		this.contextRunner.run((context) -> {
			call(chatClient(context), 1);
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			assertThat(meterRegistry.get("llm.call").timer().count()).isOne();
			assertThat(context.getBean(LlmCostEndpoint.class).llmCost().total().calls()).isOne();
		});
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return ChatClient.builder(new FixedUsageChatModel())
			.defaultAdvisors(context.getBean(LlmCostAdvisor.class))
			.build();
	}

	private static void call(ChatClient chatClient, int calls) {
		for (int i = 0; i < calls; i++) {
			chatClient.prompt().user("Hello").call().content();
		}
	}

	/**
	 * Model that answers every call with 1000 prompt and 500 completion tokens of gpt-4o.
	 */
	static class FixedUsageChatModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Hi"))),
					ChatResponseMetadata.builder().model("gpt-4o").usage(new DefaultUsage(1000, 500)).build());
		}

		@Override
		public ChatOptions getOptions() {
			return ChatOptions.builder().model("gpt-4o").build();
		}

	}

}
