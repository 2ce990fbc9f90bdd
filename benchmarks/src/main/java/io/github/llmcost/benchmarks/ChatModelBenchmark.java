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

package io.github.llmcost.benchmarks;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.llmcost.actuate.LlmCostTotals;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.testsupport.ChatModelObservations;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What pricing a {@link ChatModel} called directly costs: the same in-process model as
 * {@link ChatClientBenchmark}'s, observed as Spring AI's chat models observe themselves,
 * with an observation registry whose one handler does nothing ({@code callBare}) and with
 * llm-cost's chat observation handler added, recording meters and endpoint totals as the
 * auto-configuration does ({@code callPriced}).
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ChatModelBenchmark {

	private ChatModel bare;

	private ChatModel priced;

	private Prompt prompt;

	@Setup
	public void setUp() {
		ObservationRegistry bareRegistry = ObservationRegistry.create();
		bareRegistry.observationConfig().observationHandler((context) -> true);
		this.bare = new ObservedChatModel(bareRegistry);
		LlmCostTotals totals = new LlmCostTotals(Clock.systemUTC(), Currency.getInstance("USD"));
		ObservationRegistry pricedRegistry = ObservationRegistry.create();
		pricedRegistry.observationConfig()
			.observationHandler(ChatModelObservations.handler(CallPricer.builder(Catalogs.production()).build(),
					new LlmCostRecorder(List.of(new LlmCostMeterRecorder(new SimpleMeterRegistry()), totals)),
					UsageNormalizers.detect(null)))
			.observationHandler((context) -> true);
		this.priced = new ObservedChatModel(pricedRegistry);
		this.prompt = new Prompt("Hello", ChatOptions.builder().model("gpt-4o").build());
		// a handler that fails to price logs and goes on, which would flatter its score
		callPriced();
		LlmCostTotals.Totals total = totals.getTotal();
		if (total.calls() != 1 || total.unpricedCalls() != 0) {
			throw new IllegalStateException("The handler did not price the call: " + total);
		}
	}

	@Benchmark
	public ChatResponse callBare() {
		return this.bare.call(this.prompt);
	}

	@Benchmark
	public ChatResponse callPriced() {
		return this.priced.call(this.prompt);
	}

	/**
	 * The model of {@link ChatClientBenchmark}, observed as Spring AI's chat models are.
	 */
	static final class ObservedChatModel implements ChatModel {

		private final ChatModel model = new ChatClientBenchmark.FixedChatModel();

		private final ObservationRegistry observationRegistry;

		ObservedChatModel(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
		}

		@Override
		public ChatResponse call(Prompt prompt) {
			return ChatModelObservations.observe(this.observationRegistry, prompt, "openai",
					() -> this.model.call(prompt));
		}

		@Override
		public ChatOptions getOptions() {
			return ChatOptions.builder().model("gpt-4o").build();
		}

	}

}
