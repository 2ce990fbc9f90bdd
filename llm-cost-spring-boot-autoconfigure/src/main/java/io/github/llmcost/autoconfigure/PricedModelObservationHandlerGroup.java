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

import java.util.List;

import io.github.llmcost.model.PricedModelObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry.ObservationConfig;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;

/**
 * Registers the {@link PricedModelObservationHandler handlers that price model calls}
 * before every other group of handlers, each on its own: a call rejected by its budget is
 * rejected before the meter and tracing handlers start anything that would then never
 * stop, such as a long task timer or a span.
 *
 * @author llm-cost contributors
 */
final class PricedModelObservationHandlerGroup implements ObservationHandlerGroup {

	@Override
	public Class<?> handlerType() {
		return PricedModelObservationHandler.class;
	}

	@Override
	public void registerMembers(ObservationConfig config, List<ObservationHandler<?>> members) {
		members.forEach(config::observationHandler);
	}

	@Override
	public int compareTo(ObservationHandlerGroup other) {
		return (other instanceof PricedModelObservationHandlerGroup) ? 0 : -1;
	}

}
