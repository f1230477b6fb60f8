import { createContext, useContext } from 'react';
import { type AdminMessagesCatalogue, adminMessagesFor } from '../i18n/admin-messages';

/** AdminPage provides the catalogue of the user's locale to its editors (English until it does). */
export const AdminMessages = createContext<AdminMessagesCatalogue>(adminMessagesFor(undefined));
export const useAdminMessages = () => useContext(AdminMessages);
