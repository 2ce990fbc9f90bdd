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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.llmcost.testsupport.ConcurrentCalls;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.RedisServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End-to-end tests of budgets shared through a real Redis server by two application
 * contexts, as two instances of an application would share them, with Spring AI's OpenAI
 * client over HTTP.
 *
 * @author llm-cost contributors
 */
class RedisBudgetIntegrationTests {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<RedisServer> servers = new ArrayList<>();

	@BeforeAll
	static void stubOpenAi() {
		OpenAiServer.get()
			.stubFor(post(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("flat-fee-model")))
				.willReturn(okJson(TestFixtures.body("openai/chat-completion-flat-fee.json"))));
	}

	@AfterEach
	void stopEverything() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.servers.forEach(RedisServer::kill);
	}

	@Test
	void twoInstancesShouldShareTheBudgetAndNeverOvershootIt() throws Exception {
		RedisServer redis = redis();
		String user = "user-" + UUID.randomUUID();
		ChatClient first = chatClient(redis, true);
		ChatClient second = chatClient(redis, true);
		long before = flatFeeRequests();
		// a per-user budget of 1.00 and calls of exactly 0.03 each: 33 fit, whichever
		// instance makes them
		List<String> outcomes = ConcurrentCalls.run(64, (thread) -> {
			try {
				call((thread % 2 == 0) ? first : second, user);
				return "called";
			}
			catch (LlmBudgetExceededException ex) {
				return "rejected";
			}
		});
		assertThat(outcomes).filteredOn("called"::equals).hasSize(33);
		assertThat(outcomes).filteredOn("rejected"::equals).hasSize(31);
		assertThat(flatFeeRequests() - before).isEqualTo(33);
		BudgetGuard guard = this.contexts.get(0).getBean(BudgetGuard.class);
		Budget budget = guard.getBudgets().get(0);
		BudgetStore store = this.contexts.get(1).getBean(BudgetStore.class);
		BudgetBalance balance = store.balance(new BudgetClaim(budget.name() + ":" + user + ":total", budget, null));
		assertThat(balance.spent()).isEqualByComparingTo("0.99");
		assertThat(balance.reserved()).isZero();
	}

	@Test
	void budgetShouldSurviveARestartOfTheApplication() {
		RedisServer redis = redis();
		String user = "user-" + UUID.randomUUID();
		ChatClient chatClient = chatClient(redis, true);
		for (int i = 0; i < 30; i++) {
			call(chatClient, user);
		}
		this.contexts.remove(0).close();
		ChatClient restarted = chatClient(redis, true);
		for (int i = 0; i < 3; i++) {
			call(restarted, user);
		}
		assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> call(restarted, user))
			.satisfies((ex) -> assertThat(ex.getSpent()).isEqualByComparingTo("0.99"));
	}

	@Test
	void callsShouldGoOnWhenRedisDiesAndFailingOpen() {
		RedisServer redis = redis();
		String user = "user-" + UUID.randomUUID();
		ChatClient chatClient = chatClient(redis, true);
		call(chatClient, user);
		long before = flatFeeRequests();
		redis.kill();
		for (int i = 0; i < 50; i++) {
			assertThat(call(chatClient, user)).isEqualTo("OK");
		}
		assertThat(flatFeeRequests() - before).isEqualTo(50);
		assertThat(this.contexts.get(0).getBean(BudgetGuard.class).getStoreFailures()).isPositive();
	}

	@Test
	void callsShouldBeRejectedWhenRedisDiesAndFailingClosed() {
		RedisServer redis = redis();
		String user = "user-" + UUID.randomUUID();
		ChatClient chatClient = chatClient(redis, false);
		call(chatClient, user);
		long before = flatFeeRequests();
		redis.kill();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(LlmBudgetUnavailableException.class).isThrownBy(() -> call(chatClient, user));
		}
		assertThat(flatFeeRequests()).isEqualTo(before);
	}

	private RedisServer redis() {
		try {
			RedisServer server = RedisServer.start();
			this.servers.add(server);
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ChatClient chatClient(RedisServer redis, boolean failOpen) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RedisBudgetApplication.class)
			.web(WebApplicationType.NONE)
			.initializers(new OpenAiServer())
			.properties("spring.ai.model.chat=openai", "spring.ai.model.embedding=none", "spring.ai.model.image=none",
					"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
					"spring.ai.model.moderation=none", "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.max-retries=0", "spring.ai.openai.chat.model=flat-fee-model",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort(),
					"spring.data.redis.timeout=2s", "llm-cost.pricing.models.[flat-fee-model].input=0",
					"llm-cost.pricing.models.[flat-fee-model].output=0",
					"llm-cost.pricing.models.[flat-fee-model].per-request=0.03", "llm-cost.budget.store=redis",
					"llm-cost.budget.fail-open=" + failOpen, "llm-cost.budget.limits.per-user.amount=1.00",
					"llm-cost.budget.limits.per-user.period=total", "llm-cost.budget.limits.per-user.per-tag=user")
			.run();
		this.contexts.add(context);
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static String call(ChatClient chatClient, String user) {
		return chatClient.prompt()
			.options(OpenAiChatOptions.builder().model("flat-fee-model"))
			.user("Hi")
			.advisors(io.github.llmcost.attribution.LlmCostTags.user(user))
			.call()
			.content();
	}

	private static long flatFeeRequests() {
		return OpenAiServer.get()
			.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("flat-fee-model")))
				.build())
			.getCount();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RedisBudgetApplication {

		// as the README recommends: commands fail at once while Redis is unreachable,
		// instead of waiting for the command timeout
		@Bean
		LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
			return (builder) -> builder.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build());
		}

	}

}
