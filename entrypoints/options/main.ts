import { mount } from 'svelte';
import '../panel/panel.css';
import { CompanyHosts } from './company-hosts';
import OptionsPage from './OptionsPage.svelte';

mount(OptionsPage, { target: document.getElementById('app')!, props: { hosts: new CompanyHosts() } });
