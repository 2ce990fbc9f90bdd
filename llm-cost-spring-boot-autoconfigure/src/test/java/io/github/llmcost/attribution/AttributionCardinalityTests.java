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

package io.github.llmcost.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that attribution cannot make meters grow without bound, and loses no money on the
 * way.
 *
 * @author llm-cost contributors
 */
class AttributionCardinalityTests {

	// 2^-10 per input token and 8 input tokens per call: 2^-7 per call, so that every sum
	// of call costs is exact in a double as it is in a BigDecimal
	private static final ModelPrice PRICE = ModelPrice.builder()
		.perTokens(1)
		.input(new BigDecimal("0.0009765625"))
		.output(BigDecimal.ZERO)
		.build();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	@Test
	void tenThousandUsersAsMetricTagShouldStayWithinTheCapAndAddUpToTheExactCost() {
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		LlmCostAdvisor advisor = LlmCostAdvisor
			.builder(CallPricer.builder((model) -> new ResolvedPrice("tiny", "test", PRICE)).build())
			.recorder(new LlmCostRecorder(List.of(new LlmCostMeterRecorder(this.meterRegistry))))
			.observationRegistry(observationRegistry)
			.attributionPolicy(new AttributionPolicy(List.of(), List.of("user"), 100))
			.build();
		ChatClient chatClient = ChatClient.builder(new EightTokenModel()).defaultAdvisors(advisor).build();
		for (int i = 0; i < 10_000; i++) {
			chatClient.prompt().user("Hi").advisors(LlmCostTags.user("user-" + i)).call().content();
		}
		Set<String> users = this.meterRegistry.find("llm.cost")
			.meters()
			.stream()
			.map((meter) -> meter.getId().getTag("user"))
			.collect(Collectors.toSet());
		assertThat(users).hasSize(101).contains("other", "user-0", "user-99").doesNotContain("user-100");
		// seven token types: input, cached_input, cache_write, audio_input, output,
		// reasoning, audio_output
		assertThat(this.meterRegistry.find("llm.tokens").meters()).hasSize(101 * 7);
		double total = this.meterRegistry.find("llm.cost")
			.functionCounters()
			.stream()
			.mapToDouble(FunctionCounter::count)
			.sum();
		BigDecimal exact = new BigDecimal("0.0078125").multiply(BigDecimal.valueOf(10_000));
		assertThat(BigDecimal.valueOf(total)).isEqualByComparingTo(exact).isEqualByComparingTo("78.125");
		assertThat(this.meterRegistry.get("llm.cost")
			.tag("user", "other")
			.functionCounters()
			.stream()
			.mapToDouble(FunctionCounter::count)
			.sum()).isEqualTo(9_900 * 0.0078125);
		assertThat(this.meterRegistry.get("llm.attribution.capped").tag("tag", "user").counter().count())
			.isEqualTo(9_900);
		assertThat(this.meterRegistry.getMeters()).extracting(Meter::getId)
			.filteredOn((id) -> id.getName().startsWith("llm."))
			.hasSizeLessThanOrEqualTo(101 * 7 + 101 * 8 + 101 + 1);
	}

	/**
	 * A model that reports 8 input tokens for every call.
	 */
	static class EightTokenModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Hello"))),
					ChatResponseMetadata.builder().model("tiny").usage(new DefaultUsage(8, 0)).build());
		}

		@Override
		public ChatOptions getOptions() {
			return ChatOptions.builder().model("tiny").build();
		}

	}

}
