/**
 * A listing's photos: the lightbox at a photo (htmx fragment and JSON), the photo tour by room
 * ("Show all photos": page, htmx fragment and JSON) and the photo write API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gallery")
package com.starkiller.images.gallery;
