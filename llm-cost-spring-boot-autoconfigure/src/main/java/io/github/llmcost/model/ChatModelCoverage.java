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

package io.github.llmcost.model;

import java.lang.reflect.Field;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ReflectionUtils;

/**
 * Says at start-up, once per {@link ChatModel} bean, when llm-cost cannot see the calls
 * made to it directly: a model with no observation registry, or with one other than the
 * application's, is not observed by the {@link LlmCostChatObservationHandler}, so only
 * its calls through a {@code ChatClient} with the
 * {@link io.github.llmcost.advisor.LlmCostAdvisor} are priced. Never a silent gap.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class ChatModelCoverage implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ChatModelCoverage.class);

	private static final String OBSERVATION_REGISTRY_FIELD = "observationRegistry";

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	/**
	 * Create a check of the chat models of a bean factory.
	 * @param beanFactory the bean factory
	 * @param observationRegistry the application's observation registry, if any
	 */
	public ChatModelCoverage(ListableBeanFactory beanFactory, ObjectProvider<ObservationRegistry> observationRegistry) {
		this.beanFactory = beanFactory;
		this.observationRegistry = observationRegistry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ObservationRegistry applicationRegistry = this.observationRegistry.getIfUnique();
		Map<String, ChatModel> chatModels = this.beanFactory.getBeansOfType(ChatModel.class, false, false);
		chatModels.forEach((name, chatModel) -> check(name, chatModel, applicationRegistry));
	}

	private void check(String name, ChatModel chatModel, @Nullable ObservationRegistry applicationRegistry) {
		Field field = ReflectionUtils.findField(chatModel.getClass(), OBSERVATION_REGISTRY_FIELD,
				ObservationRegistry.class);
		if (field == null) {
			logger.info(("Cannot tell whether ChatModel bean '%s' (%s) is observed: if it is not, its calls are"
					+ " priced only through a ChatClient with the LlmCostAdvisor")
				.formatted(name, chatModel.getClass().getName()));
			return;
		}
		ReflectionUtils.makeAccessible(field);
		ObservationRegistry registry = (ObservationRegistry) ReflectionUtils.getField(field, chatModel);
		if (applicationRegistry == null || registry == null || registry.isNoop() || registry != applicationRegistry) {
			logger.warn(("ChatModel bean '%s' (%s) is not observed through the application's ObservationRegistry:"
					+ " llm-cost prices its calls only through a ChatClient with the LlmCostAdvisor, not"
					+ " chatModel.call, chatModel.stream or a ChatClient without the advisor. Build it with the"
					+ " application's ObservationRegistry to price every call")
				.formatted(name, chatModel.getClass().getName()));
		}
	}

}
