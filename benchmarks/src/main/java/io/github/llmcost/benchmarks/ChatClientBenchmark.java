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
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.recording.LlmCostRecorder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
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
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Overhead of the {@link LlmCostAdvisor} on a {@link ChatClient} call and stream over an
 * in-process model, so that only the client and the advisor are measured. The bare
 * client, the one with a pass-through advisor (what Spring AI itself spends on any
 * advisor) and the one with the {@link LlmCostAdvisor} use a no-op registry for the
 * client's own observations; the advisor has a registry with the handlers the
 * auto-configuration adds. The observed clients share one registry that records meters of
 * every observation, as a Spring Boot application with the actuator does, so that the
 * client's own observations are measured too.
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
public class ChatClientBenchmark {

	private static final Currency USD = Currency.getInstance("USD");

	private ChatClient bare;

	private ChatClient withAdvisor;

	private ChatClient withPassThroughAdvisor;

	private ChatClient observed;

	private ChatClient observedWithAdvisor;

	private ChatClient observedWithPassThroughAdvisor;

	private Prompt prompt;

	@Setup
	public void setUp() {
		ChatModel chatModel = new FixedChatModel();
		LlmCostTotals totals = new LlmCostTotals(Clock.systemUTC(), USD);
		// a handler that does nothing keeps the llm.call observation real, as it is in an
		// application with any observation handler
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig().observationHandler((context) -> true);
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(Catalogs.production()).build())
			.recorder(new LlmCostRecorder(List.of(new LlmCostMeterRecorder(new SimpleMeterRegistry()), totals)))
			.observationRegistry(observationRegistry)
			.build();
		this.bare = ChatClient.builder(chatModel).build();
		this.withAdvisor = ChatClient.builder(chatModel).defaultAdvisors(advisor).build();
		this.withPassThroughAdvisor = ChatClient.builder(chatModel).defaultAdvisors(new PassThroughAdvisor()).build();
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		ObservationRegistry bootRegistry = ObservationRegistry.create();
		bootRegistry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		this.observed = ChatClient.builder(chatModel, bootRegistry, null, null).build();
		this.observedWithPassThroughAdvisor = ChatClient.builder(chatModel, bootRegistry, null, null)
			.defaultAdvisors(new PassThroughAdvisor())
			.build();
		this.observedWithAdvisor = ChatClient.builder(chatModel, bootRegistry, null, null)
			.defaultAdvisors(LlmCostAdvisor.builder(CallPricer.builder(Catalogs.production()).build())
				.recorder(new LlmCostRecorder(
						List.of(new LlmCostMeterRecorder(meterRegistry), new LlmCostTotals(Clock.systemUTC(), USD))))
				.observationRegistry(bootRegistry)
				.build())
			.build();
		this.prompt = new Prompt("Hello", ChatOptions.builder().model("gpt-4o").build());
		// an advisor that fails to price logs and goes on, which would flatter its score
		callWithAdvisor();
		streamWithAdvisor();
		LlmCostTotals.Totals total = totals.getTotal();
		if (total.calls() != 2 || total.unpricedCalls() != 0) {
			throw new IllegalStateException("The advisor did not price both calls: " + total);
		}
	}

	@Benchmark
	public ChatResponse callBare() {
		return this.bare.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse callWithAdvisor() {
		return this.withAdvisor.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse callWithPassThroughAdvisor() {
		return this.withPassThroughAdvisor.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse callObserved() {
		return this.observed.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse callObservedWithPassThroughAdvisor() {
		return this.observedWithPassThroughAdvisor.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse callObservedWithAdvisor() {
		return this.observedWithAdvisor.prompt(this.prompt).call().chatResponse();
	}

	@Benchmark
	public ChatResponse streamBare() {
		return this.bare.prompt(this.prompt).stream().chatResponse().blockLast();
	}

	@Benchmark
	public ChatResponse streamWithAdvisor() {
		return this.withAdvisor.prompt(this.prompt).stream().chatResponse().blockLast();
	}

	@Benchmark
	public ChatResponse streamWithPassThroughAdvisor() {
		return this.withPassThroughAdvisor.prompt(this.prompt).stream().chatResponse().blockLast();
	}

	/**
	 * An advisor that does nothing, to tell what the client spends on any advisor from
	 * what the {@link LlmCostAdvisor} adds.
	 */
	static final class PassThroughAdvisor implements CallAdvisor, StreamAdvisor {

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			return chain.nextCall(request);
		}

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			return chain.nextStream(request);
		}

		@Override
		public String getName() {
			return "PassThroughAdvisor";
		}

		@Override
		public int getOrder() {
			return LlmCostAdvisor.DEFAULT_ORDER;
		}

	}

	/**
	 * A model that answers at once with the usage of a 1,500-token call, 400 of its input
	 * tokens read from the prompt cache.
	 */
	static final class FixedChatModel implements ChatModel {

		private static final String MODEL = "gpt-4o-2024-08-06";

		private final ChatResponse response = new ChatResponse(List.of(generation("Hello")),
				metadata(new DefaultUsage(1000, 500, 1500, null, 400L, 0L)));

		private final ChatResponse firstChunk = new ChatResponse(List.of(new Generation(new AssistantMessage("Hel"))),
				metadata(null));

		private final ChatResponse secondChunk = new ChatResponse(List.of(new Generation(new AssistantMessage("lo"))),
				metadata(null));

		@Override
		public ChatResponse call(Prompt prompt) {
			return this.response;
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			return Flux.just(this.firstChunk, this.secondChunk, this.response);
		}

		private static Generation generation(String text) {
			return new Generation(new AssistantMessage(text),
					ChatGenerationMetadata.builder().finishReason("STOP").build());
		}

		private static ChatResponseMetadata metadata(@Nullable DefaultUsage usage) {
			ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().model(MODEL);
			return ((usage != null) ? metadata.usage(usage) : metadata).build();
		}

	}

}
