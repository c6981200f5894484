// Login page: user name and password to a session (the API sets the HttpOnly cookie), then the page for the role.
import { post, ApiError } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const button = document.getElementById('login-button');

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = form.user.value.trim();
    const password = form.password.value;
    if (!user || !password) {
        error.textContent = 'Enter your user name and password.';
        return;
    }
    error.textContent = '';
    button.disabled = true;
    try {
        const session = await post('/api/login', { user, password });
        location.assign(session.role === 'REP' ? '/desk.html' : '/wallboard.html');
    } catch (e) {
        error.textContent = e instanceof ApiError && e.status === 401 ? 'Wrong user name or password.'
            : e.message;
        form.password.value = '';
        form.password.focus();
    } finally {
        button.disabled = false;
    }
});
