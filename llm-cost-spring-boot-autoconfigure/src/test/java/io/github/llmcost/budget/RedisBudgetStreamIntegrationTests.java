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

package io.github.llmcost.budget;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.attribution.LlmCostTags;
import io.github.llmcost.autoconfigure.LlmCostAutoConfiguration;
import io.github.llmcost.testsupport.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that streams held to budgets in a real Redis server never block a non-blocking
 * thread, checked with BlockHound: the model streams on Reactor's parallel scheduler, the
 * streams are subscribed on it, and their signals reach the advisor on it.
 * <p>
 * Tagged {@code blockhound}: they run in a JVM of their own, since BlockHound stays
 * installed for the life of the JVM.
 *
 * @author llm-cost contributors
 */
@Tag("blockhound")
class RedisBudgetStreamIntegrationTests {

	private static final String MODEL = "flat-fee-model";

	private static final List<String> blockingCalls = new CopyOnWriteArrayList<>();

	private static RedisServer redis;

	private final ParallelStreamingModel model = new ParallelStreamingModel();

	private final String user = "user-" + UUID.randomUUID();

	@BeforeAll
	static void installBlockHoundAndStartRedis() throws IOException {
		BlockHound.install((builder) -> builder.blockingMethodCallback((method) -> {
			blockingCalls.add(method + " on " + Thread.currentThread().getName());
			throw new BlockingOperationError(method);
		}));
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void clearBlockingCalls() {
		blockingCalls.clear();
	}

	@Test
	void blockHoundShouldCatchABlockingCallOnAParallelThread() {
		assertThatException().isThrownBy(() -> Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel()).block()).havingCause().isInstanceOf(BlockingOperationError.class);
		assertThat(blockingCalls).singleElement().asString().contains("sleep on parallel-");
	}

	@Test
	void completedStreamShouldReserveAndSettleOnceOffTheNonBlockingThread() {
		contextRunner("1.00").run((context) -> {
			List<String> content = stream(chatClient(context)).collectList().block(Duration.ofSeconds(30));
			assertThat(content).containsExactly("Hel", "lo");
			assertSettledOnce(context);
		});
		assertThat(blockingCalls).isEmpty();
	}

	@Test
	void cancelledStreamShouldSettleOnceOffTheNonBlockingThread() {
		contextRunner("1.00").run((context) -> {
			List<String> content = stream(chatClient(context)).take(1).collectList().block(Duration.ofSeconds(30));
			assertThat(content).containsExactly("Hel");
			assertSettledOnce(context);
		});
		assertThat(blockingCalls).isEmpty();
	}

	@Test
	void failedStreamShouldSettleOnceOffTheNonBlockingThread() {
		this.model.failAfterFirstChunk = true;
		contextRunner("1.00").run((context) -> {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> stream(chatClient(context)).blockLast(Duration.ofSeconds(30)))
				.withMessage("model failed");
			assertSettledOnce(context);
		});
		assertThat(blockingCalls).isEmpty();
	}

	@Test
	void enforcedBudgetShouldRejectTheStreamWithItsErrorBeforeTheModelIsCalled() {
		contextRunner("0.02").run((context) -> {
			assertThatExceptionOfType(LlmBudgetExceededException.class)
				.isThrownBy(() -> stream(chatClient(context)).blockLast(Duration.ofSeconds(30)))
				.satisfies((ex) -> assertThat(ex.getEstimate()).isEqualByComparingTo("0.03"));
			assertThat(this.model.streams).hasValue(0);
			BudgetBalance balance = balance(context);
			assertThat(balance.spent()).isZero();
			assertThat(balance.reserved()).isZero();
		});
		assertThat(blockingCalls).isEmpty();
	}

	private ApplicationContextRunner contextRunner(String amount) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, LlmCostAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort(),
					"llm-cost.pricing.models.[" + MODEL + "].input=0",
					"llm-cost.pricing.models.[" + MODEL + "].output=0",
					"llm-cost.pricing.models.[" + MODEL + "].per-request=0.03", "llm-cost.budget.store=redis",
					"llm-cost.budget.limits.per-user.amount=" + amount, "llm-cost.budget.limits.per-user.period=total",
					"llm-cost.budget.limits.per-user.per-tag=user", "llm-cost.anomaly.enabled=false");
	}

	private ChatClient chatClient(AssertableApplicationContext context) {
		return ChatClient.builder(this.model)
			.defaultAdvisors(context.getBean(LlmCostAdvisor.class), new ParallelSignalsAdvisor())
			.build();
	}

	private Flux<String> stream(ChatClient chatClient) {
		return chatClient.prompt()
			.options(ChatOptions.builder().model(MODEL))
			.user("Hi")
			.advisors(LlmCostTags.user(this.user))
			.stream()
			.content()
			.subscribeOn(Schedulers.parallel());
	}

	private void assertSettledOnce(AssertableApplicationContext context) {
		assertThat(this.model.streams).hasValue(1);
		// settled on another thread, maybe after the stream ended: wait for it
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			BudgetBalance balance = balance(context);
			assertThat(balance.reserved()).isZero();
			assertThat(balance.spent()).isEqualByComparingTo("0.03");
		});
	}

	private BudgetBalance balance(AssertableApplicationContext context) {
		Budget budget = context.getBean(BudgetGuard.class).getBudgets().get(0);
		return context.getBean(BudgetStore.class)
			.balance(new BudgetClaim(budget.name() + ":" + this.user + ":total", budget, null));
	}

	/**
	 * A model that streams two chunks, each with the usage so far, on Reactor's parallel
	 * scheduler.
	 */
	static class ParallelStreamingModel implements ChatModel {

		final AtomicInteger streams = new AtomicInteger();

		volatile boolean failAfterFirstChunk;

		@Override
		public ChatResponse call(Prompt prompt) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			this.streams.incrementAndGet();
			Flux<ChatResponse> chunks = this.failAfterFirstChunk
					? Flux.concat(Flux.just(chunk("Hel")), Flux.error(new IllegalStateException("model failed")))
					: Flux.just(chunk("Hel"), chunk("lo"));
			return chunks.publishOn(Schedulers.parallel());
		}

		private static ChatResponse chunk(String text) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
					ChatResponseMetadata.builder().model(MODEL).usage(new DefaultUsage(5, 1)).build());
		}

	}

	/**
	 * Hands the model's signals to the advisor on Reactor's parallel scheduler, as a
	 * reactive model client would: Spring AI's own last advisor publishes them on the
	 * bounded elastic scheduler, where blocking is allowed.
	 */
	static class ParallelSignalsAdvisor implements StreamAdvisor {

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			return chain.nextStream(request).publishOn(Schedulers.parallel());
		}

		@Override
		public String getName() {
			return "ParallelSignalsAdvisor";
		}

		@Override
		public int getOrder() {
			return LlmCostAdvisor.DEFAULT_ORDER + 1;
		}

	}

}
