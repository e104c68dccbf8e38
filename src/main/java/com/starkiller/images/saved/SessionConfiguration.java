package com.starkiller.images.saved;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** Spring Session's repository, wrapped wherever it is injected, the session filter included. */
	@Bean
	static BeanPostProcessor redisSessions(ObjectProvider<SessionAvailability> availability,
			ObjectProvider<SavedProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof RedisSessionRepository redis)
						? new RedisSessions<>(redis, availability.getObject(),
								properties.getObject().sessionTouch()) : bean;
			}
		};
	}

	/** Spring MVC looks this bean up by name; its default reads the session on every request. */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new NoFlashAttributes();
	}

}
