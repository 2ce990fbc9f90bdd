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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A {@link ChatClient} call through Spring AI's real OpenAI client, over HTTP on
 * loopback, to a local server (WireMock) that answers at once with OpenAI's response to a
 * gpt-4o call: the fastest an LLM call can be, and so the largest share the advisor can
 * take of one. Both clients record every observation into meters, as a Spring Boot
 * application with the actuator does; {@code llm-cost} adds the {@link LlmCostAdvisor}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class OpenAiHttpCallBenchmark {

	@Param({ "bare", "llm-cost" })
	private String client;

	private @Nullable WireMockServer server;

	private ChatClient chatClient;

	private LlmCostTotals totals;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
		server.start();
		this.server = server;
		server.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(okJson(resource("/openai/chat-completion-cached-reasoning.json"))));
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		this.totals = new LlmCostTotals(Clock.systemUTC(), Currency.getInstance("USD"));
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		OpenAiChatModel chatModel = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl("http://127.0.0.1:" + server.port() + "/v1")
				.apiKey("benchmark")
				.maxRetries(0)
				.model("gpt-4o")
				.build())
			.observationRegistry(observationRegistry)
			.build();
		ChatClient.Builder builder = ChatClient.builder(chatModel, observationRegistry, null, null);
		if ("llm-cost".equals(this.client)) {
			builder.defaultAdvisors(LlmCostAdvisor.builder(CallPricer.builder(Catalogs.production()).build())
				.recorder(new LlmCostRecorder(List.of(new LlmCostMeterRecorder(meterRegistry), this.totals)))
				.observationRegistry(observationRegistry)
				.build());
		}
		this.chatClient = builder.build();
		ChatResponse response = call();
		if (response.getResult() == null || response.getMetadata().getUsage().getTotalTokens() != 1500) {
			throw new IllegalStateException("The local server did not answer as OpenAI does: " + response);
		}
		long priced = this.totals.getTotal().calls() - this.totals.getTotal().unpricedCalls();
		if (priced != ("llm-cost".equals(this.client) ? 1 : 0)) {
			throw new IllegalStateException("Unexpected accounting: " + this.totals.getTotal());
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Benchmark
	public ChatResponse call() {
		return this.chatClient.prompt().user("What is Spring AI?").call().chatResponse();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = OpenAiHttpCallBenchmark.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
