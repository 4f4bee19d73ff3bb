/**
 * The `when`-clause context keys of the code actions, apart from their controllers so that the
 * eagerly loaded registration can reset them without loading the controllers.
 */
export const APPLY_PENDING_KEY = 'openrouterChat.applyPending';
export const INLINE_EDIT_PENDING_KEY = 'openrouterChat.inlineEditPending';
