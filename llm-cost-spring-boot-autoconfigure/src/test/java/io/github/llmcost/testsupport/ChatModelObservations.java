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

package io.github.llmcost.testsupport;

import java.util.function.Supplier;

import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.model.LlmCostChatObservationHandler;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Chat model observations as Spring AI's chat models make them, for in-process models of
 * tests and benchmarks, and llm-cost's handler of them wired without an application
 * context.
 *
 * @author llm-cost contributors
 */
public final class ChatModelObservations {

	private static final DefaultChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

	private ChatModelObservations() {
	}

	/**
	 * Make a call observed as Spring AI's chat models observe theirs.
	 * @param registry the registry to observe the call in
	 * @param prompt the prompt of the call
	 * @param provider the provider to name
	 * @param call makes the call
	 * @return the response
	 */
	public static ChatResponse observe(ObservationRegistry registry, Prompt prompt, String provider,
			Supplier<ChatResponse> call) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(provider)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, CONVENTION, () -> context, registry)
			.observe(() -> {
				ChatResponse response = call.get();
				context.setResponse(response);
				return response;
			});
	}

	/**
	 * Create llm-cost's chat observation handler with no budget and no attribution.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param usageNormalizers the normalizers of reported usage
	 * @return the handler
	 */
	public static LlmCostChatObservationHandler handler(CallPricer pricer, LlmCostRecorder recorder,
			UsageNormalizers usageNormalizers) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("pricer", pricer);
		beans.addBean("recorder", recorder);
		beans.addBean("usageNormalizers", usageNormalizers);
		beans.addBean("attributionPolicy", AttributionPolicy.none());
		return new LlmCostChatObservationHandler(beans.getBeanProvider(CallPricer.class),
				beans.getBeanProvider(LlmCostRecorder.class), beans.getBeanProvider(UsageNormalizers.class),
				beans.getBeanProvider(AttributionPolicy.class), beans.getBeanProvider(BudgetGuard.class),
				beans.getBeanProvider(ObservationRegistry.class),
				beans.getBeanProvider(LlmCostObservationConvention.class));
	}

}
